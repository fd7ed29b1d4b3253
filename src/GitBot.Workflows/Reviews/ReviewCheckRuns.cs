using System.Globalization;
using GitBot.Core.Reviews.Reports;
using GitBot.GitHub.Clients;
using GitBot.GitHub.Models;
using GitBot.GitHub.Results;

namespace GitBot.Workflows.Reviews;

/// <summary>
/// Writes a review agent's check run (<c>gitbot/security</c>, <c>gitbot/tests</c>, <c>gitbot/judge</c>) on a head:
/// queued when requested, in progress while running, then completed with the report, or cancelled when a push
/// superseded the head. The run's <c>external_id</c> is the review run id. Annotations go 50 per request (GitHub's
/// limit); GitHub appends those of later updates to the run.
/// </summary>
public sealed class ReviewCheckRuns(TimeProvider time)
{
    /// <summary>GitHub's limit of annotations per create or update request.</summary>
    public const int AnnotationsPerRequest = 50;

    /// <summary>GitHub caps a check run summary at 65,535 characters.</summary>
    public const int MaxSummaryChars = 65_000;

    /// <summary>Creates the agent's run on <paramref name="headSha"/>, queued or in progress. Returns its id, or the error.</summary>
    public async Task<GitHubResult<long>> CreateAsync(GitHubClient client, string owner, string repo, string headSha, ReviewAgentKind agent,
        long runId, bool started, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var now = time.GetUtcNow();
        var output = started ? Running(agent) : new CheckRunOutput("Queued", $"{ReviewAgentNames.DisplayName(agent)} is waiting for a free agent slot.");
        var created = await client.Checks.CreateAsync(owner, repo, new CreateCheckRunRequest(
            ReviewAgentNames.CheckName(agent), headSha, started ? CheckRunStatus.InProgress : CheckRunStatus.Queued,
            ExternalId: runId.ToString(CultureInfo.InvariantCulture), StartedAt: now, Output: output), cancellationToken);
        return created.TryGetValue(out var run) ? GitHubResult<long>.Success(run.Id) : GitHubResult<long>.Failure(created.Error!);
    }

    /// <summary>Moves the run to in progress.</summary>
    public async Task<GitHubResult<bool>> StartAsync(GitHubClient client, string owner, string repo, long checkRunId, ReviewAgentKind agent,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var updated = await client.Checks.UpdateAsync(owner, repo, checkRunId,
            new UpdateCheckRunRequest(CheckRunStatus.InProgress, StartedAt: time.GetUtcNow(), Output: Running(agent)), cancellationToken);
        return updated.IsSuccess ? GitHubResult<bool>.Success(true) : GitHubResult<bool>.Failure(updated.Error!);
    }

    /// <summary>Completes the run with the report: conclusion, title, summary, then every annotation in batches.</summary>
    public async Task<GitHubResult<bool>> CompleteAsync(GitHubClient client, string owner, string repo, long checkRunId, ReviewReport report,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(report);
        var conclusion = report.Conclusion switch
        {
            ReviewCheckConclusion.Success => CheckRunConclusion.Success,
            ReviewCheckConclusion.Neutral => CheckRunConclusion.Neutral,
            _ => CheckRunConclusion.Failure,
        };
        var title = Cap(report.CheckTitle, 1000);
        var summary = Cap(report.CheckSummary, MaxSummaryChars);
        var batches = report.Annotations.Select(ToAnnotation).Chunk(AnnotationsPerRequest).ToList();

        // Annotations first, while the run is still in progress, so that when it turns completed (and the gate is
        // recomputed from that event) everything about it is already there.
        foreach (var batch in batches)
        {
            var annotated = await client.Checks.UpdateAsync(owner, repo, checkRunId,
                new UpdateCheckRunRequest(Output: new CheckRunOutput(title, summary, Annotations: batch)), cancellationToken);
            if (!annotated.IsSuccess)
            {
                return GitHubResult<bool>.Failure(annotated.Error!);
            }
        }

        var completed = await client.Checks.UpdateAsync(owner, repo, checkRunId, new UpdateCheckRunRequest(
            CheckRunStatus.Completed, conclusion, CompletedAt: time.GetUtcNow(), Output: new CheckRunOutput(title, summary)), cancellationToken);
        return completed.IsSuccess ? GitHubResult<bool>.Success(true) : GitHubResult<bool>.Failure(completed.Error!);
    }

    /// <summary>Completes the run as cancelled, saying why (a newer head, a closed pull request).</summary>
    public async Task<GitHubResult<bool>> CancelAsync(GitHubClient client, string owner, string repo, long checkRunId, string reason,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var updated = await client.Checks.UpdateAsync(owner, repo, checkRunId, new UpdateCheckRunRequest(
            CheckRunStatus.Completed, CheckRunConclusion.Cancelled, CompletedAt: time.GetUtcNow(),
            Output: new CheckRunOutput("Superseded", Cap(reason, MaxSummaryChars))), cancellationToken);
        return updated.IsSuccess ? GitHubResult<bool>.Success(true) : GitHubResult<bool>.Failure(updated.Error!);
    }

    private static CheckRunOutput Running(ReviewAgentKind agent) =>
        new("Running", $"{ReviewAgentNames.DisplayName(agent)} is running on this commit.");

    private static CheckRunAnnotation ToAnnotation(ReviewAnnotation annotation) => new(
        annotation.Path,
        Math.Max(1, annotation.StartLine),
        Math.Max(Math.Max(1, annotation.StartLine), annotation.EndLine),
        annotation.Level switch
        {
            ReviewAnnotationLevel.Failure => AnnotationLevel.Failure,
            ReviewAnnotationLevel.Warning => AnnotationLevel.Warning,
            _ => AnnotationLevel.Notice,
        },
        Cap(annotation.Message, 64_000),
        Cap(annotation.Title, 255));

    private static string Cap(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
