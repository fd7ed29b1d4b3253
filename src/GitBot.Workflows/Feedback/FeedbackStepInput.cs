using GitBot.Core.Configuration;
using GitBot.Git.Repositories;

namespace GitBot.Workflows.Feedback;

/// <summary>Everything the worktree part of a feedback run needs, gathered by <see cref="FeedbackRunner"/>.</summary>
/// <param name="Request">The review being addressed.</param>
/// <param name="Target">The branch, its configuration and role.</param>
/// <param name="Role">The coding role's definition.</param>
/// <param name="Prompt">The agent's prompt (<see cref="FeedbackPromptBuilder"/>).</param>
/// <param name="HeadSha">The pull request's head when the run started: the worktree starts here.</param>
/// <param name="CachePath">The repository's mirror cache, just fetched.</param>
/// <param name="Credential">The installation token for the push.</param>
/// <param name="LogPath">Where the agent's output is streamed.</param>
/// <param name="CommitTitle">The commit's first line.</param>
/// <param name="BudgetUsd">The run's budget: the task budget capped by what is left of the issue's.</param>
public sealed record FeedbackStepInput(
    FeedbackRequest Request,
    FeedbackTarget Target,
    RoleDefinition Role,
    string Prompt,
    string HeadSha,
    string CachePath,
    GitCredential Credential,
    string LogPath,
    string CommitTitle,
    decimal BudgetUsd);
