using GitBot.Core.Configuration;
using GitBot.Core.Plans;

namespace GitBot.Workflows.Feedback;

/// <summary>A GitBot pull request a review's feedback goes to, with the configuration its agent runs under.</summary>
/// <param name="Config">The plan's configuration snapshot when the issue has a plan with this branch, else the default branch's.</param>
/// <param name="Plan">The plan that made the branch, if any.</param>
/// <param name="IssueNumber">The issue the branch is for (<c>{prefix}/{issue}</c>).</param>
/// <param name="Branch">The pull request's head branch, the one the fix is pushed to.</param>
/// <param name="RoleName">The coding role: the role the plan's trigger label pinned, else the configuration's default role.</param>
public sealed record FeedbackTarget(RepoConfig Config, PlanRecord? Plan, int IssueNumber, string Branch, string RoleName);
