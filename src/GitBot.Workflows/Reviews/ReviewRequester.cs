using GitBot.Core.Reviews.Reports;
using GitBot.Core.Reviews.Runs;
using GitBot.GitHub.Clients;
using GitBot.Workflows.Plans;
using Microsoft.Extensions.Logging;

namespace GitBot.Workflows.Reviews;

/// <summary>
/// Requests review agents for a pull request head: first supersedes the unfinished runs of older heads (their queued
/// jobs are removed, running ones notice through <see cref="ReviewRunWatcher"/>, their checks turn cancelled), then
/// queues one run per agent (a head that already has it is left alone unless a re-run is asked), shows each as a
/// queued check run, and schedules its job. Safe to repeat: the store keeps one run per head and agent, and job
/// identities are per run and attempt.
/// </summary>
public sealed partial class ReviewRequester(
    IReviewRunStore store,
    ReviewJobScheduler jobs,
    ReviewCheckRuns checks,
    ILogger<ReviewRequester> logger)
{
    /// <summary>Requests <paramref name="agents"/> on <paramref name="headSha"/>; returns the runs as they now are.</summary>
    public async Task<IReadOnlyList<ReviewRunRecord>> RequestAsync(GitHubClient client, long installationId, RepositoryName repository,
        int pullNumber, string headSha, IReadOnlyList<ReviewAgentKind> agents, bool again, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(agents);
        var name = repository.ToString();
        foreach (var old in await store.SupersedeOtherHeadsAsync(name, pullNumber, headSha, cancellationToken))
        {
            await jobs.UnscheduleAsync(old.Id, old.Attempt, cancellationToken);
            if (old.CheckRunId is { } oldCheck)
            {
                var reason = $"A newer commit ({Short(headSha)}) was pushed before this review of {Short(old.HeadSha)} finished; the review runs on the new head.";
                var cancelled = await checks.CancelAsync(client, repository.Owner, repository.Name, oldCheck, reason, cancellationToken);
                if (!cancelled.IsSuccess)
                {
                    LogCheckWriteFailed(logger, name, pullNumber, old.Id, cancelled.Error!.Message);
                }
            }

            LogSuperseded(logger, name, pullNumber, old.Agent, old.HeadSha, headSha);
        }

        var runs = new List<ReviewRunRecord>();
        foreach (var agent in agents.Distinct())
        {
            var requested = await store.RequestAsync(new NewReviewRun(installationId, name, pullNumber, headSha, agent), again, cancellationToken);
            var run = requested.Run;
            if (requested.Scheduled)
            {
                // The queued check shows the review is coming; if it cannot be created now, the job creates it when it starts.
                var created = await checks.CreateAsync(client, repository.Owner, repository.Name, headSha, agent, run.Id, started: false, cancellationToken);
                if (created.TryGetValue(out var checkRunId))
                {
                    await store.SetCheckRunAsync(run.Id, run.Attempt, checkRunId, cancellationToken);
                    run = run with { CheckRunId = checkRunId };
                }
                else
                {
                    LogCheckWriteFailed(logger, name, pullNumber, run.Id, created.Error!.Message);
                }
            }

            // Scheduling is idempotent per run and attempt, so a queued run whose job was lost (a crash between the
            // store and the scheduler) is scheduled again by the next request for its head.
            if (run.State == ReviewRunState.Queued && await jobs.ScheduleAsync(run.Id, run.Attempt, cancellationToken))
            {
                LogScheduled(logger, name, pullNumber, agent, headSha, run.Id, run.Attempt);
            }

            runs.Add(run);
        }

        return runs;
    }

    private static string Short(string sha) => sha.Length > 7 ? sha[..7] : sha;

    [LoggerMessage(Level = LogLevel.Information, Message = "Review {Agent} of {Repository}#{Number} at {HeadSha} queued (run {RunId}, attempt {Attempt})")]
    private static partial void LogScheduled(ILogger logger, string repository, int number, ReviewAgentKind agent, string headSha, long runId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Review {Agent} of {Repository}#{Number} at {OldHead} superseded by {NewHead}")]
    private static partial void LogSuperseded(ILogger logger, string repository, int number, ReviewAgentKind agent, string oldHead, string newHead);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the check run of review run {RunId} on {Repository}#{Number} failed: {Error}")]
    private static partial void LogCheckWriteFailed(ILogger logger, string repository, int number, long runId, string error);
}
