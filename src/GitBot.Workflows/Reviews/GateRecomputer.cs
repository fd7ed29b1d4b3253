using GitBot.Agents.Configuration;
using GitBot.Core.Configuration;
using GitBot.Core.Reviews.Gate;
using GitBot.GitHub.Clients;
using GitBot.GitHub.Models;
using GitBot.Workflows.Issues;
using GitBot.Workflows.Plans;
using Microsoft.Extensions.Logging;

namespace GitBot.Workflows.Reviews;

/// <summary>
/// Recomputes the <c>gitbot/gate</c> check of a pull request the gate looks after (<see cref="ReviewEligibility.Gated"/>:
/// GitBot's own, or all with <c>reviews.pull_requests: all</c>) from what GitHub says now: the PR, its reviews, the
/// check runs and statuses on its head, its files, the approvers' permissions, the head's pusher, and the default
/// branch's <c>gate:</c> settings. Idempotent (the same facts give the same run, updated in place) and serialized per PR
/// on this node, so concurrent events for one head leave exactly one run. A draft PR is never green. When the gate
/// is green and a merge is wanted (<c>gate.auto_merge</c>, or a merge asked for by <c>/agent merge</c>),
/// <see cref="GateMerger"/> merges passing the head that was judged. Every decision written to GitHub is also stored
/// (<see cref="IGateRecordStore"/>) for the dashboard, best effort: a database failure is logged and the gate goes on.
/// </summary>
public sealed partial class GateRecomputer(
    GitHubClientFactory github,
    GateIdentityProvider identities,
    GateInputLoader loader,
    GateCheckRunWriter writer,
    GateMerger merger,
    GateLocks locks,
    ILogger<GateRecomputer> logger,
    IGateRecordStore? gateRecords = null)
{
    /// <summary>Recomputes and posts the gate; merges when green and the repository has <c>gate.auto_merge</c>.</summary>
    public Task<GateRecomputeResult> RecomputeAsync(long installationId, string repository, int number, CancellationToken cancellationToken) =>
        RecomputeAsync(installationId, repository, number, merge: false, cancellationToken);

    /// <summary>Recomputes and posts the gate; merges when green and <paramref name="merge"/> or <c>gate.auto_merge</c> asks for it.</summary>
    public async Task<GateRecomputeResult> RecomputeAsync(long installationId, string repository, int number, bool merge, CancellationToken cancellationToken)
    {
        if (await identities.GetAsync(cancellationToken) is not { } identity)
        {
            return GateRecomputeResult.Skip("GitHub is not configured (no App credentials and no token), so there is no identity to write or read gate checks with");
        }

        var name = RepositoryName.Parse(repository);
        var client = github.ForInstallation(installationId);
        using var held = await locks.AcquireAsync(repository, number, cancellationToken);

        // Read inside the lock: a recompute that waited must see the head and reviews as they are now.
        var fetched = await client.PullRequests.GetAsync(name.Owner, name.Name, number, cancellationToken);
        if (!fetched.TryGetValue(out var pull))
        {
            throw new RetryableDeliveryException($"reading pull request {repository}#{number} failed: {fetched.Error}");
        }

        if (!string.Equals(pull.State, "open", StringComparison.Ordinal))
        {
            return GateRecomputeResult.Skip($"{repository}#{number} is not open");
        }

        var parsed = await ReviewConfigSource.LoadAsync(client, name, pull.Base.Repo?.DefaultBranch ?? pull.Base.Ref, cancellationToken);
        var config = parsed.Config;
        if (config is null || !ReviewEligibility.Gated(config, pull.Head.Ref))
        {
            // An invalid configuration keeps the gate on GitBot's own branches (strictest defaults), never off.
            if (config is not null || !pull.Head.Ref.StartsWith(RepoConfigParser.Defaults.BranchPrefix + "/", StringComparison.Ordinal))
            {
                return GateRecomputeResult.Skip($"{repository}#{number} is not a pull request the gate looks after");
            }
        }

        var input = await loader.LoadAsync(client, name.Owner, name.Name, pull, identity, config ?? RepoConfigParser.Defaults,
            cancellationToken);
        var decision = Draft(GateEvaluator.Evaluate(input), pull);
        var runId = await writer.WriteAsync(client, name.Owner, name.Name, pull.Head.Sha, identity, decision, cancellationToken);
        LogGate(logger, repository, number, pull.Head.Sha, decision.Conclusion, runId);
        await RecordAsync(repository, number, pull.Head.Sha, decision, cancellationToken);
        GateMergeResult? merged = null;
        if (decision.Green && (merge || config?.Gate.AutoMerge == true))
        {
            merged = await merger.MergeAsync(client, name, pull, config?.Gate.MergeMethod ?? GateSettings.Default.MergeMethod, cancellationToken);
        }

        return new GateRecomputeResult(decision, runId, null, merged);
    }

    /// <summary>Open pull requests of <paramref name="repository"/> whose head is <paramref name="headSha"/>.</summary>
    public async Task<IReadOnlyList<int>> FindByHeadAsync(long installationId, string repository, string headSha, CancellationToken cancellationToken)
    {
        var name = RepositoryName.Parse(repository);
        var listed = await github.ForInstallation(installationId).PullRequests.ListAsync(name.Owner, name.Name, null, "open", cancellationToken);
        if (!listed.TryGetValue(out var pulls))
        {
            throw new RetryableDeliveryException($"listing the open pull requests of {repository} failed: {listed.Error}");
        }

        return [.. pulls.Where(p => string.Equals(p.Head.Sha, headSha, StringComparison.OrdinalIgnoreCase)).Select(p => p.Number)];
    }

    /// <summary>Stores the decision for the dashboard; the check run on GitHub is what counts, so a failure here only warns.</summary>
    private async Task RecordAsync(string repository, int number, string headSha, GateDecision decision, CancellationToken cancellationToken)
    {
        if (gateRecords is null)
        {
            return;
        }

        try
        {
            await gateRecords.UpsertAsync(repository, number, headSha, decision.Conclusion, GateRecord.SummaryOf(decision), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogRecordFailed(logger, repository, number, e);
        }
    }

    /// <summary>GitHub cannot merge a draft; the gate says so rather than going green.</summary>
    private static GateDecision Draft(GateDecision decision, GitHubPullRequest pull)
    {
        if (!pull.Draft || decision.Conclusion != GateConclusion.Success)
        {
            return decision;
        }

        const string Line = "the pull request is still a draft: mark it ready for review";
        return new GateDecision(false, GateConclusion.Pending, "Waiting: " + Line, $"Missing:\n\n- {Line}\n\n{decision.Summary}", [Line]);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Gate of {Repository}#{Number} at {HeadSha}: {Conclusion} (check run {CheckRunId})")]
    private static partial void LogGate(ILogger logger, string repository, int number, string headSha, GateConclusion conclusion, long checkRunId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store the gate of {Repository}#{Number} for the dashboard; the check run was written")]
    private static partial void LogRecordFailed(ILogger logger, string repository, int number, Exception exception);
}
