using GitBot.Core.Configuration;
using GitBot.Git.Repositories;

namespace GitBot.Workflows.Feedback;

/// <summary>One agent run on a pull request's branch (a review's feedback, an <c>/agent fix</c>).</summary>
/// <param name="RunId">Names the run in logs and agent run ids, e.g. <c>owner/name#12/fix/345</c>.</param>
/// <param name="LocalBranch">The worktree's local branch (the PR branch's name may be held by another worktree).</param>
/// <param name="Branch">The pull request's head branch, pushed to.</param>
/// <param name="DefaultBranch">The repository's default branch, never pushed to.</param>
/// <param name="Config">Limits, branch prefix, whether workflow files may change.</param>
/// <param name="Role">The coding role.</param>
/// <param name="Prompt">The agent's prompt.</param>
/// <param name="HeadSha">The worktree starts here.</param>
/// <param name="CachePath">The repository's mirror cache, just fetched.</param>
/// <param name="Credential">The installation token for the push.</param>
/// <param name="LogPath">Where the agent's output is streamed.</param>
/// <param name="CommitMessage">The commit message (no user text: it could forge a trailer line).</param>
/// <param name="Trailers">Trailers naming what the commit carries out (the agent trailer is added).</param>
/// <param name="StoppedReason">The reason given when the host stopped the run (shutdown).</param>
/// <param name="BudgetUsd">The run's budget: <c>limits.task_budget_usd</c> capped by what is left of the (<see cref="BranchBudget"/>).</param>
public sealed record BranchAgentInput(
    string RunId,
    string LocalBranch,
    string Branch,
    string DefaultBranch,
    RepoConfig Config,
    RoleDefinition Role,
    string Prompt,
    string HeadSha,
    string CachePath,
    GitCredential Credential,
    string LogPath,
    string CommitMessage,
    IReadOnlyDictionary<string, string> Trailers,
    string StoppedReason,
    decimal BudgetUsd)
{
    /// <summary>What the run is for (kind Fix or Feedback, the pull request and the plan's issue): the run is recorded when set.</summary>
    public GitBot.Core.Runs.AgentRunSubject? Subject { get; init; }
}
