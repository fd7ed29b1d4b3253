using GitBot.Core.Reviews.Diffs;
using GitBot.Core.Reviews.Reports;
using GitBot.Core.Reviews.Runs;
using GitBot.GitHub.Clients;
using GitBot.GitHub.Models;
using GitBot.Workflows.Plans;
using GitBot.Workflows.Reviews.Agents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitBot.Workflows.Reviews;

/// <summary>
/// Runs one attempt of one review agent on one head, from the job: checks the head is still the pull request's,
/// shows the check in progress, reads the configuration (default branch) and the diff, runs the agent, checks the
/// head again, and posts the review and the check run. Guarantees: a report is only ever posted for the current head
/// (a push in between supersedes the run and its check turns cancelled); a run whose attempt is stale does nothing;
/// a review that cannot be done fails its check visibly, saying why; cancellation by the host (shutdown) propagates so
/// the recoverable job runs again elsewhere.
/// </summary>
public sealed partial class ReviewRunner(
    IReviewRunStore store,
    GitHubClientFactory github,
    GateIdentityProvider identities,
    ReviewCheckRuns checks,
    ReviewPublisher publisher,
    IEnumerable<IReviewAgent> agents,
    IOptions<PlanOptions> options,
    TimeProvider time,
    ILogger<ReviewRunner> logger)
{
    private readonly Dictionary<ReviewAgentKind, IReviewAgent> _agents = agents.ToDictionary(a => a.Kind);

    public async Task RunAsync(long runId, int attempt, CancellationToken cancellationToken)
    {
        var run = await store.GetAsync(runId, cancellationToken);
        if (run is null || run.Attempt != attempt || run.State is ReviewRunState.Completed or ReviewRunState.Superseded)
        {
            return;
        }

        var repository = RepositoryName.Parse(run.Repository);
        var client = github.ForInstallation(run.InstallationId);
        var logId = $"{run.Repository}#{run.PullNumber}/{ReviewAgentNames.Name(run.Agent)}@{run.HeadSha[..Math.Min(7, run.HeadSha.Length)]}";
        try
        {
            await RunAttemptAsync(client, repository, run, logId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // GitHub unreachable, a bug: the check must not spin forever, so the attempt fails visibly (re-run to retry).
            LogAttemptFailed(logger, exception, logId);
            await FailVisiblyAsync(client, repository, run, exception.Message, cancellationToken);
        }
    }

    private async Task RunAttemptAsync(GitHubClient client, RepositoryName repository, ReviewRunRecord run, string logId, CancellationToken cancellationToken)
    {
        var pull = await ReadCurrentAsync(client, repository, run, logId, cancellationToken);
        if (pull is null || !await store.MarkRunningAsync(run.Id, run.Attempt, cancellationToken))
        {
            return;
        }

        var checkRunId = await StartCheckAsync(client, repository, run, cancellationToken);
        var identity = await identities.GetAsync(cancellationToken);
        (ReviewReport Report, bool PostReview) outcome;
        await using (var watcher = ReviewRunWatcher.Start(store, run.Id, run.Attempt, options.Value.CancellationPollInterval, time, cancellationToken))
        {
            try
            {
                outcome = await ReviewAsync(client, repository, run, pull, logId, watcher.Token);
            }
            catch (OperationCanceledException) when (watcher.Superseded && !cancellationToken.IsCancellationRequested)
            {
                LogSuperseded(logger, logId);
                return;
            }
        }

        // The head may have moved while the agent worked: a report about older code is not posted.
        if (await ReadCurrentAsync(client, repository, run, logId, cancellationToken) is null)
        {
            return;
        }

        var report = outcome.Report;
        long? reviewId = null;
        if (outcome.PostReview)
        {
            var published = await publisher.PublishAsync(client, repository, run.PullNumber, run.HeadSha, checkRunId, report, identity?.BotLogin, cancellationToken);
            if (!published.TryGetValue(out var id))
            {
                throw new InvalidOperationException($"posting the review failed: {published.Error}");
            }

            reviewId = id;
        }
        else
        {
            var completed = await checks.CompleteAsync(client, repository.Owner, repository.Name, checkRunId, report, cancellationToken);
            if (!completed.IsSuccess)
            {
                throw new InvalidOperationException($"completing the check run failed: {completed.Error}");
            }
        }

        await store.CompleteAsync(run.Id, run.Attempt, reviewId, report.Conclusion.ToString().ToLowerInvariant(), report.CheckTitle, cancellationToken);
        LogCompleted(logger, logId, report.Conclusion, report.Event, report.Comments.Count);
    }

    private async Task FailVisiblyAsync(GitHubClient client, RepositoryName repository, ReviewRunRecord run, string reason, CancellationToken cancellationToken)
    {
        var report = ReviewFailureReport.Build(run.Agent, reason);
        var current = await store.GetAsync(run.Id, cancellationToken);
        if (current is null || current.Attempt != run.Attempt || current.State is ReviewRunState.Completed or ReviewRunState.Superseded)
        {
            return;
        }

        try
        {
            var checkRunId = current.CheckRunId;
            if (checkRunId is null)
            {
                var created = await checks.CreateAsync(client, repository.Owner, repository.Name, run.HeadSha, run.Agent, run.Id, started: true, cancellationToken);
                checkRunId = created.IsSuccess ? created.Value : null;
            }

            if (checkRunId is { } id)
            {
                await checks.CompleteAsync(client, repository.Owner, repository.Name, id, report, cancellationToken);
            }
        }
        finally
        {
            await store.CompleteAsync(run.Id, run.Attempt, null, "failure", report.CheckTitle, cancellationToken);
        }
    }

    /// <summary>The agent's report and whether it is a review to post (false: a review that could not be done, check only).</summary>
    private async Task<(ReviewReport Report, bool PostReview)> ReviewAsync(GitHubClient client, RepositoryName repository, ReviewRunRecord run,
        GitHubPullRequest pull, string logId, CancellationToken cancellationToken)
    {
        if (!_agents.TryGetValue(run.Agent, out var agent))
        {
            return (ReviewFailureReport.Build(run.Agent, $"no {ReviewAgentNames.Name(run.Agent)} agent is registered on this node"), false);
        }

        var defaultBranch = pull.Base.Repo?.DefaultBranch ?? pull.Base.Ref;
        var parsed = await ReviewConfigSource.LoadAsync(client, repository, defaultBranch, cancellationToken);
        if (parsed.Config is not { } config)
        {
            return (ReviewFailureReport.Build(run.Agent,
                $"`.github/gitbot.yml` on {defaultBranch} is invalid ({parsed.Problems.Count} problem(s), e.g. {parsed.Problems[0].Message})"), false);
        }

        var diff = await client.PullRequests.GetDiffAsync(repository.Owner, repository.Name, run.PullNumber, cancellationToken);
        if (!diff.TryGetValue(out var diffText))
        {
            return (ReviewFailureReport.Build(run.Agent, $"the diff could not be read: {diff.Error!.Message}"), false);
        }

        try
        {
            var context = new ReviewContext(run, config, client, repository, pull, diffText, UnifiedDiffParser.Parse(diffText), logId);
            return (await agent.ReviewAsync(context, cancellationToken), true);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A bug in an agent must not leave the check spinning forever: it fails, visibly, with what went wrong.
            LogAgentCrashed(logger, exception, logId);
            return (ReviewFailureReport.Build(run.Agent, $"the agent failed: {exception.GetType().Name}: {exception.Message}"), false);
        }
    }

    /// <summary>The pull request if it is open and still at the run's head; otherwise the run is superseded and null returned.</summary>
    private async Task<GitHubPullRequest?> ReadCurrentAsync(GitHubClient client, RepositoryName repository, ReviewRunRecord run, string logId,
        CancellationToken cancellationToken)
    {
        var fetched = await client.PullRequests.GetAsync(repository.Owner, repository.Name, run.PullNumber, cancellationToken);
        if (!fetched.TryGetValue(out var pull))
        {
            // Without the pull request nothing can be checked or posted; failing the job keeps the run queued for the
            // next request of its head (or a re-run) instead of reporting on a head that may have moved.
            throw new InvalidOperationException($"reading {logId} failed: {fetched.Error}");
        }

        if (string.Equals(pull.State, "open", StringComparison.Ordinal) && string.Equals(pull.Head.Sha, run.HeadSha, StringComparison.OrdinalIgnoreCase))
        {
            return pull;
        }

        if (await store.SupersedeAsync(run.Id, run.Attempt, cancellationToken))
        {
            var current = await store.GetAsync(run.Id, cancellationToken);
            if (current?.CheckRunId is { } checkRunId)
            {
                var why = pull.State == "open"
                    ? $"The pull request moved to {pull.Head.Sha[..Math.Min(7, pull.Head.Sha.Length)]} before this review finished; the review runs on the new head."
                    : "The pull request was closed before this review finished.";
                await checks.CancelAsync(client, repository.Owner, repository.Name, checkRunId, why, cancellationToken);
            }
        }

        LogSuperseded(logger, logId);
        return null;
    }

    private async Task<long> StartCheckAsync(GitHubClient client, RepositoryName repository, ReviewRunRecord run, CancellationToken cancellationToken)
    {
        var current = await store.GetAsync(run.Id, cancellationToken);
        if (current?.CheckRunId is { } existing)
        {
            await checks.StartAsync(client, repository.Owner, repository.Name, existing, run.Agent, cancellationToken);
            return existing;
        }

        var created = await checks.CreateAsync(client, repository.Owner, repository.Name, run.HeadSha, run.Agent, run.Id, started: true, cancellationToken);
        if (!created.TryGetValue(out var checkRunId))
        {
            throw new InvalidOperationException($"creating the check run of review run {run.Id} failed: {created.Error}");
        }

        await store.SetCheckRunAsync(run.Id, run.Attempt, checkRunId, cancellationToken);
        return checkRunId;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Review {LogId}: {Conclusion} ({Event}, {Comments} inline comments)")]
    private static partial void LogCompleted(ILogger logger, string logId, ReviewCheckConclusion conclusion, ReviewEventKind @event, int comments);

    [LoggerMessage(Level = LogLevel.Information, Message = "Review {LogId}: superseded (the head moved or the pull request closed); nothing posted")]
    private static partial void LogSuperseded(ILogger logger, string logId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Review {LogId}: the agent failed")]
    private static partial void LogAgentCrashed(ILogger logger, Exception exception, string logId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Review {LogId}: the attempt failed; its check is marked failed")]
    private static partial void LogAttemptFailed(ILogger logger, Exception exception, string logId);
}
