using GitBot.Core.Reviews.Gate;
using GitBot.GitHub.Clients;
using GitBot.GitHub.Models;
using GitBot.Workflows.Issues;
using Microsoft.Extensions.Logging;

namespace GitBot.Workflows.Reviews;

/// <summary>
/// Recomputes the <c>gitbot/gate</c> check of one of GitBot's pull requests (head branch under
/// <see cref="BranchPrefix"/>) from what GitHub says now: the PR, its reviews, the check runs and statuses on its
/// head, its files and the approvers' permissions. Idempotent (the same facts give the same run, updated in place)
/// and serialized per PR on this node, so concurrent events for one head leave exactly one run. A draft PR is never
/// green. Closed PRs and other branches are left alone.
/// </summary>
public sealed partial class GateRecomputer(
    GitHubClientFactory github,
    GateIdentityProvider identities,
    GateInputLoader loader,
    GateCheckRunWriter writer,
    GateLocks locks,
    ILogger<GateRecomputer> logger)
{
    /// <summary>GitBot's branches (the default branch prefix). A repository-configurable policy comes later.</summary>
    public const string BranchPrefix = "gitbot/";

    /// <summary>True for a head branch the gate looks after.</summary>
    public static bool IsGitBotBranch(string? headRef) => headRef is not null && headRef.StartsWith(BranchPrefix, StringComparison.Ordinal);

    public async Task<GateRecomputeResult> RecomputeAsync(long installationId, string repository, int number, CancellationToken cancellationToken)
    {
        if (await identities.GetAsync(cancellationToken) is not { } identity)
        {
            return GateRecomputeResult.Skip("GitBot is not running as a GitHub App; check runs need one");
        }

        var (owner, repo) = Split(repository);
        var client = github.ForInstallation(installationId);
        using var held = await locks.AcquireAsync(repository, number, cancellationToken);

        // Read inside the lock: a recompute that waited must see the head and reviews as they are now.
        var fetched = await client.PullRequests.GetAsync(owner, repo, number, cancellationToken);
        if (!fetched.TryGetValue(out var pull))
        {
            throw new RetryableDeliveryException($"reading pull request {repository}#{number} failed: {fetched.Error}");
        }

        if (!IsGitBotBranch(pull.Head.Ref) || !string.Equals(pull.State, "open", StringComparison.Ordinal))
        {
            return GateRecomputeResult.Skip($"{repository}#{number} is not an open GitBot pull request");
        }

        var input = await loader.LoadAsync(client, owner, repo, pull, identity, cancellationToken);
        var decision = Draft(GateEvaluator.Evaluate(input), pull);
        var runId = await writer.WriteAsync(client, owner, repo, pull.Head.Sha, identity, decision, cancellationToken);
        LogGate(logger, repository, number, pull.Head.Sha, decision.Conclusion, runId);
        return new GateRecomputeResult(decision, runId, null);
    }

    /// <summary>Open pull requests of <paramref name="repository"/> whose head is <paramref name="headSha"/> on a GitBot branch.</summary>
    public async Task<IReadOnlyList<int>> FindByHeadAsync(long installationId, string repository, string headSha, CancellationToken cancellationToken)
    {
        var (owner, repo) = Split(repository);
        var listed = await github.ForInstallation(installationId).PullRequests.ListAsync(owner, repo, null, "open", cancellationToken);
        if (!listed.TryGetValue(out var pulls))
        {
            throw new RetryableDeliveryException($"listing the open pull requests of {repository} failed: {listed.Error}");
        }

        return [.. pulls.Where(p => IsGitBotBranch(p.Head.Ref) && string.Equals(p.Head.Sha, headSha, StringComparison.OrdinalIgnoreCase)).Select(p => p.Number)];
    }

    /// <summary>GitHub cannot merge a draft; the gate says so rather than going green.</summary>
    private static GateDecision Draft(GateDecision decision, GitHubPullRequest pull)
    {
        if (!pull.Draft || decision.Conclusion != GateConclusion.Success)
        {
            return decision;
        }

        const string Line = "the pull request is still a draft";
        return new GateDecision(false, GateConclusion.Pending, "Waiting: " + Line, $"Missing:\n\n- {Line}\n\n{decision.Summary}", [Line]);
    }

    private static (string Owner, string Repo) Split(string repository)
    {
        var name = Plans.RepositoryName.Parse(repository);
        return (name.Owner, name.Name);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Gate of {Repository}#{Number} at {HeadSha}: {Conclusion} (check run {CheckRunId})")]
    private static partial void LogGate(ILogger logger, string repository, int number, string headSha, GateConclusion conclusion, long checkRunId);
}
