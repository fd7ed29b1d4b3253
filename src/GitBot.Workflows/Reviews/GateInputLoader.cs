using System.Collections.Concurrent;
using GitBot.Core.Configuration;
using GitBot.Core.Reviews.Diffs;
using GitBot.Core.Reviews.Gate;
using GitBot.Core.Reviews.Reports;
using GitBot.Core.Reviews.Runs;
using GitBot.Core.Reviews.Security;
using GitBot.GitHub.Clients;
using GitBot.GitHub.Models;
using GitBot.GitHub.Results;
using GitBot.Workflows.Issues;

namespace GitBot.Workflows.Reviews;

/// <summary>
/// Fetches what <see cref="GateEvaluator"/> needs for one pull request head: reviews, check runs and statuses on the
/// head, the changed files, and the permission of each person who approved the head. Any failed request throws
/// <see cref="RetryableDeliveryException"/>: a gate computed from partial facts could be wrongly green.
/// </summary>
public sealed class GateInputLoader(ReviewerPermissions permissions, IReviewRunStore pushers)
{
    /// <summary>Entries of the "touches workflows or CODEOWNERS" memo before it is cleared (clearing only costs a re-read).</summary>
    public const int MemoCapacity = 10_000;

    /// <summary>At most this many permission lookups at once.</summary>
    public const int PermissionConcurrency = 8;

    // Whether a diff touches workflows or CODEOWNERS depends only on its base and head commits, so it is read once per
    // pair: listing a large pull request's files is most of a recompute's time, and recomputes are frequent.
    private readonly ConcurrentDictionary<string, bool> _touches = new(StringComparer.Ordinal);

    /// <summary>Builds the gate input for <paramref name="pull"/> at its current head, under the repository's <c>gate:</c> and <c>reviews:</c> settings.</summary>
    public async Task<GateInput> LoadAsync(GitHubClient client, string owner, string repo, GitHubPullRequest pull, GateIdentity identity,
        RepoConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(pull);
        ArgumentNullException.ThrowIfNull(identity);
        var head = pull.Head.Sha;
        var reviewsTask = client.Reviews.ListAsync(owner, repo, pull.Number, cancellationToken);
        var runsTask = client.Checks.ListForRefAsync(owner, repo, head, null, all: true, cancellationToken);
        var statusesTask = client.Statuses.ListForRefAsync(owner, repo, head, cancellationToken);
        var pusherTask = pushers.FindPusherAsync($"{owner}/{repo}", head, cancellationToken);
        var touchesKey = $"{owner}/{repo}\n{pull.Base.Sha}\n{head}";
        var filesTask = _touches.ContainsKey(touchesKey) ? null : client.PullRequests.ListFilesAsync(owner, repo, pull.Number, cancellationToken);
        var reviews = Require(await reviewsTask, "reviews", pull.Number);
        var runs = Require(await runsTask, "check runs", pull.Number);
        var statuses = Require(await statusesTask, "commit statuses", pull.Number);
        bool touches;
        if (filesTask is null && _touches.TryGetValue(touchesKey, out var known))
        {
            touches = known;
        }
        else
        {
            var files = Require(await (filesTask ?? client.PullRequests.ListFilesAsync(owner, repo, pull.Number, cancellationToken)), "changed files", pull.Number);
            var diff = new ParsedDiff([.. files.Select(f => UnifiedDiffParser.ParseFilePatch(f.Filename, f.Status, f.PreviousFilename, f.Patch))]);
            touches = SecurityScanner.TouchesWorkflowsOrCodeOwners(diff);
            if (_touches.Count >= MemoCapacity)
            {
                _touches.Clear();
            }

            _touches[touchesKey] = touches;
        }

        var gateReviews = reviews.Select(ToGateReview).OfType<GateReview>().ToList();

        // Only an approval of the head by a person can count, so only those reviewers' permissions are asked.
        var approvers = gateReviews
            .Where(r => r.State == GateReviewState.Approved && string.Equals(r.CommitId, head, StringComparison.OrdinalIgnoreCase)
                && string.Equals(r.UserType, "User", StringComparison.Ordinal))
            .Select(r => r.UserLogin)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var granted = new Dictionary<string, RepositoryPermission>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in approvers.Chunk(PermissionConcurrency))
        {
            var asked = await Task.WhenAll(chunk.Select(login => permissions.GetAsync(client, owner, repo, login, cancellationToken)));
            for (var index = 0; index < chunk.Length; index++)
            {
                granted[chunk[index]] = asked[index];
            }
        }
        var bots = identity.BotLogin is null ? Array.Empty<string>() : [identity.BotLogin];
        return new GateInput(
            head,
            pull.User?.Login ?? string.Empty,
            await pusherTask,
            Policy(identity.AppId, bots, config),
            touches,
            [.. runs.Select(r => new GateCheckRun(r.Id, r.Name, r.HeadSha, r.App?.Id, r.Status, r.Conclusion))],
            [.. statuses.Where(s => s.Context is not null).Select(s => new GateCommitStatus(s.Context!, s.State, s.Creator?.Login))],
            gateReviews,
            granted);
    }

    /// <summary>
    /// The policy from the repository's <c>gate:</c> settings: its approvals, and its required checks or else the
    /// checks of the review agents it runs.
    /// </summary>
    public static GatePolicy Policy(long appId, IReadOnlyCollection<string> bots, RepoConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var checks = config.Gate.RequiredChecks ?? [.. config.Reviews.Agents.Select(ReviewAgentNames.CheckName)];
        return new GatePolicy(appId, bots, bots, config.Gate.RequiredApprovals, checks);
    }

    private static GateReview? ToGateReview(GitHubReview review)
    {
        if (review.User is not { } user || review.CommitId is null)
        {
            return null;
        }

        GateReviewState? state = review.State.ToUpperInvariant() switch
        {
            "APPROVED" => GateReviewState.Approved,
            "CHANGES_REQUESTED" => GateReviewState.ChangesRequested,
            "COMMENTED" => GateReviewState.Commented,
            "DISMISSED" => GateReviewState.Dismissed,
            "PENDING" => GateReviewState.Pending,
            _ => null,
        };
        return state is null ? null : new GateReview(review.Id, user.Login, user.Type ?? "Unknown", state.Value, review.CommitId, review.SubmittedAt);
    }

    private static IReadOnlyList<T> Require<T>(GitHubResult<IReadOnlyList<T>> result, string what, int number) =>
        result.TryGetValue(out var value)
            ? value
            : throw new RetryableDeliveryException($"listing the {what} of pull request #{number} failed: {result.Error}");
}
