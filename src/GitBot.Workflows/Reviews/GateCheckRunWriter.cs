using GitBot.Core.Reviews.Gate;
using GitBot.GitHub.Clients;
using GitBot.GitHub.Models;
using GitBot.Workflows.Issues;

namespace GitBot.Workflows.Reviews;

/// <summary>
/// Writes the decision as the one <c>gitbot/gate</c> check run of GitBot's App on the head: the existing run (found by
/// name and App id, highest id) is updated, a run is created only when there is none. Pending is
/// <c>in_progress</c> with the summary (branch protection waits on it); success and failure are <c>completed</c>.
/// Callers hold the PR's <see cref="GateLocks"/> lock, so one node never creates two.
/// </summary>
public sealed class GateCheckRunWriter(TimeProvider time)
{
    public const string CheckName = "gitbot/gate";

    /// <summary>GitHub caps a check run summary at 65,535 characters.</summary>
    public const int MaxSummaryChars = 65_000;

    /// <summary>Creates or updates the gate run; returns its id.</summary>
    public async Task<long> WriteAsync(GitHubClient client, string owner, string repo, string headSha, GateIdentity identity, GateDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(decision);
        var existing = await client.Checks.ListForRefAsync(owner, repo, headSha, CheckName, all: true, cancellationToken);
        if (!existing.TryGetValue(out var runs))
        {
            throw new RetryableDeliveryException($"listing {CheckName} runs on {headSha} failed: {existing.Error}");
        }

        var ours = runs
            .Where(r => r.App?.Id == identity.AppId && string.Equals(r.Name, CheckName, StringComparison.Ordinal)
                && string.Equals(r.HeadSha, headSha, StringComparison.OrdinalIgnoreCase))
            .MaxBy(r => r.Id);
        var now = time.GetUtcNow();
        var output = new CheckRunOutput(Cap(decision.Title, 1000), Cap(decision.Summary, MaxSummaryChars));
        var (status, conclusion, completedAt) = decision.Conclusion switch
        {
            GateConclusion.Success => (CheckRunStatus.Completed, (CheckRunConclusion?)CheckRunConclusion.Success, (DateTimeOffset?)now),
            GateConclusion.Failure => (CheckRunStatus.Completed, CheckRunConclusion.Failure, now),
            _ => (CheckRunStatus.InProgress, (CheckRunConclusion?)null, (DateTimeOffset?)null),
        };

        if (ours is null)
        {
            var created = await client.Checks.CreateAsync(owner, repo,
                new CreateCheckRunRequest(CheckName, headSha, status, conclusion, StartedAt: now, CompletedAt: completedAt, Output: output), cancellationToken);
            return created.TryGetValue(out var run)
                ? run.Id
                : throw new RetryableDeliveryException($"creating {CheckName} on {headSha} failed: {created.Error}");
        }

        var updated = await client.Checks.UpdateAsync(owner, repo, ours.Id,
            new UpdateCheckRunRequest(status, conclusion, CompletedAt: completedAt, Output: output), cancellationToken);
        return updated.IsSuccess
            ? ours.Id
            : throw new RetryableDeliveryException($"updating {CheckName} run {ours.Id} failed: {updated.Error}");
    }

    private static string Cap(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
