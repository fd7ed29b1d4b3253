using GitBot.Core.Plans;

namespace GitBot.Core.Dashboard;

/// <summary>An issue of a repository with its newest plan.</summary>
/// <param name="IssueNumber">The issue.</param>
/// <param name="IssueTitle">The title when the plan was made.</param>
/// <param name="PlanId">The newest plan.</param>
/// <param name="State">Where that plan stands.</param>
/// <param name="TasksDone">Its tasks that succeeded.</param>
/// <param name="TasksTotal">All its tasks.</param>
/// <param name="CostUsd">The sum of the issue's recorded agent runs.</param>
/// <param name="PullRequestNumber">The plan's pull request, once opened.</param>
/// <param name="UpdatedAt">When the plan last changed.</param>
public sealed record IssueSummary(
    int IssueNumber,
    string IssueTitle,
    long PlanId,
    PlanState State,
    int TasksDone,
    int TasksTotal,
    decimal CostUsd,
    int? PullRequestNumber,
    DateTimeOffset UpdatedAt);
