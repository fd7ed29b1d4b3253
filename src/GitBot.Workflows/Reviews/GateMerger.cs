using GitBot.Core.Configuration;
using GitBot.GitHub.Clients;
using GitBot.GitHub.Models;
using GitBot.Workflows.Plans;
using Microsoft.Extensions.Logging;

namespace GitBot.Workflows.Reviews;

/// <summary>
/// Merges a pull request the gate has just found green, passing the head that was judged as <c>sha</c>: if anyone
/// pushed in between, GitHub refuses ("Head branch was modified") and nothing merges; the push's own events then
/// recompute the gate on the new head. This is the only place GitBot merges. It never approves: approval is a
/// human's, on the current head.
/// </summary>
public sealed partial class GateMerger(ILogger<GateMerger> logger)
{
    /// <summary>Merges <paramref name="pull"/> at its judged head with <paramref name="method"/>.</summary>
    public async Task<GateMergeResult> MergeAsync(GitHubClient client, RepositoryName repository, GitHubPullRequest pull, GateMergeMethod method,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(pull);
        var request = new MergePullRequestRequest(
            CommitTitle: $"{pull.Title} (#{pull.Number})",
            Sha: pull.Head.Sha,
            MergeMethod: method switch
            {
                GateMergeMethod.Merge => MergeMethod.Merge,
                GateMergeMethod.Rebase => MergeMethod.Rebase,
                _ => MergeMethod.Squash,
            });
        var merged = await client.PullRequests.MergeAsync(repository.Owner, repository.Name, pull.Number, request, cancellationToken);
        if (merged.TryGetValue(out var result) && result.Merged)
        {
            LogMerged(logger, repository.ToString(), pull.Number, pull.Head.Sha, result.Sha);
            return new GateMergeResult(true, pull.Head.Sha, result.Sha, null);
        }

        var error = merged.Error?.Message ?? merged.Value.Message ?? "GitHub did not merge";
        LogRefused(logger, repository.ToString(), pull.Number, pull.Head.Sha, error);
        return new GateMergeResult(false, pull.Head.Sha, null, error);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Merged {Repository}#{Number} at {HeadSha} through the gate: {MergeSha}")]
    private static partial void LogMerged(ILogger logger, string repository, int number, string headSha, string? mergeSha);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GitHub refused to merge {Repository}#{Number} at {HeadSha}: {Error}")]
    private static partial void LogRefused(ILogger logger, string repository, int number, string headSha, string error);
}
