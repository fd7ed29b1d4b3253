using GitBot.Core.Configuration;
using GitBot.Git.Repositories;

namespace GitBot.Workflows.Commands;

/// <summary>Everything the worktree part of an <c>/agent fix</c> needs, gathered by <see cref="FixRunner"/>.</summary>
/// <param name="Request">The command being carried out.</param>
/// <param name="Config">The configuration the agent runs under (limits, branch prefix, workflow changes).</param>
/// <param name="Branch">The pull request's head branch, the one the fix is pushed to.</param>
/// <param name="Role">The coding role's definition.</param>
/// <param name="Prompt">The agent's prompt (<see cref="FixPromptBuilder"/>).</param>
/// <param name="HeadSha">The pull request's head when the run started: the worktree starts here.</param>
/// <param name="CachePath">The repository's mirror cache, just fetched.</param>
/// <param name="Credential">The installation token for the push.</param>
/// <param name="LogPath">Where the agent's output is streamed.</param>
/// <param name="BudgetUsd">The run's budget: the task budget capped by what is left of the issue's.</param>
public sealed record FixStepInput(
    FixRequest Request,
    RepoConfig Config,
    string Branch,
    RoleDefinition Role,
    string Prompt,
    string HeadSha,
    string CachePath,
    GitCredential Credential,
    string LogPath,
    decimal BudgetUsd)
{
    /// <summary>The issue the pull request implements, when known: recorded with the run.</summary>
    public int? IssueNumber { get; init; }
}
