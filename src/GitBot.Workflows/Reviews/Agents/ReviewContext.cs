using GitBot.Core.Configuration;
using GitBot.Core.Reviews.Diffs;
using GitBot.Core.Reviews.Runs;
using GitBot.GitHub.Clients;
using GitBot.GitHub.Models;
using GitBot.Workflows.Plans;

namespace GitBot.Workflows.Reviews.Agents;

/// <summary>What a review agent is given: the run, the configuration of the default branch, and the pull request at the run's head.</summary>
/// <param name="Run">The run (its head is <see cref="Pull"/>'s head).</param>
/// <param name="Config">The repository configuration from the default branch.</param>
/// <param name="Client">The installation's GitHub client.</param>
/// <param name="Repository">owner/name.</param>
/// <param name="Pull">The pull request as read when the run started.</param>
/// <param name="Diff">The pull request's unified diff, as GitHub serves it.</param>
/// <param name="ParsedDiff">The parsed diff (inline comments may only anchor to its right-side lines).</param>
/// <param name="LogId">Names this run in logs: <c>owner/name#pr/agent@sha</c>.</param>
public sealed record ReviewContext(
    ReviewRunRecord Run,
    RepoConfig Config,
    GitHubClient Client,
    RepositoryName Repository,
    GitHubPullRequest Pull,
    string Diff,
    ParsedDiff ParsedDiff,
    string LogId);
