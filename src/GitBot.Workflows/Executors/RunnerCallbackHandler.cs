using GitBot.Core.Executors;
using GitBot.Core.Plans;
using GitBot.Workflows.Plans;
using Microsoft.Extensions.Logging;

namespace GitBot.Workflows.Executors;

/// <summary>
/// Everything that ends or reports on a dispatched attempt: the runner's calls (checked against the stored token hash,
/// the deadline and the task's state), a failed <c>workflow_run</c>, and the timeout.
/// </summary>
/// <remarks>
/// Guarantees: a call with no dispatch, a wrong token or a token past its deadline is <see cref="RunnerCallStatus.Unauthorized"/>
/// and changes nothing; exactly one of a result, a failed run and the timeout takes an attempt's outcome
/// (<see cref="ITaskDispatchStore.MarkReportedAsync"/>); the outcome continues the graph through
/// <see cref="TaskRunner.FinishAsync"/>, exactly as a local run's does.
/// </remarks>
public sealed partial class RunnerCallbackHandler(
    ITaskDispatchStore dispatches,
    IPlanStore plans,
    RunnerSpecBuilder specs,
    RunnerResultMerger results,
    TaskRunner runner,
    TimeProvider time,
    ILogger<RunnerCallbackHandler> logger,
    RemoteRunRecorder? recorder = null)
{
    public async Task<RunnerAccess> AuthorizeAsync(long planId, string taskId, int attempt, string? token, CancellationToken cancellationToken)
    {
        var dispatch = await dispatches.FindAsync(planId, taskId, attempt, cancellationToken);
        if (dispatch is null || !CallbackToken.Matches(token, dispatch.TokenSha256) || time.GetUtcNow() > dispatch.Deadline)
        {
            LogRefused(logger, planId, taskId, attempt);
            return new RunnerAccess(RunnerCallStatus.Unauthorized);
        }

        var snapshot = await plans.GetAsync(planId, cancellationToken);
        var task = snapshot?.Tasks.FirstOrDefault(t => t.Id == taskId);
        return snapshot is null || task is null || task.State != TaskState.Running || task.Attempt != attempt
            || snapshot.Plan.State != PlanState.Running || dispatch.ReportedAt is not null
            ? new RunnerAccess(RunnerCallStatus.Gone)
            : new RunnerAccess(RunnerCallStatus.Ok, snapshot, task, dispatch);
    }

    /// <summary>The task's spec for the runner.</summary>
    public async Task<(RunnerCallStatus Status, RunnerTaskSpec? Spec)> GetSpecAsync(long planId, string taskId, int attempt, string? token, CancellationToken cancellationToken)
    {
        var access = await AuthorizeAsync(planId, taskId, attempt, token, cancellationToken);
        return access.Status != RunnerCallStatus.Ok
            ? (access.Status, null)
            : (RunnerCallStatus.Ok, await specs.BuildAsync(access.Snapshot!, access.Task!, cancellationToken));
    }

    /// <summary>The runner's first call: remembers its run id, so a failed <c>workflow_run</c> of it fails the task.</summary>
    public async Task<RunnerCallStatus> StartedAsync(long planId, string taskId, int attempt, string? token, RunnerStarted started, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(started);
        var access = await AuthorizeAsync(planId, taskId, attempt, token, cancellationToken);
        if (access.Status != RunnerCallStatus.Ok)
        {
            return access.Status;
        }

        if (started.RunId <= 0)
        {
            return RunnerCallStatus.Invalid;
        }

        return await dispatches.SetRunIdAsync(planId, taskId, attempt, started.RunId, cancellationToken) ? RunnerCallStatus.Ok : RunnerCallStatus.Gone;
    }

    /// <summary>The runner's result: the commit on the task branch is merged and the graph continues.</summary>
    public async Task<RunnerCallStatus> CompleteAsync(long planId, string taskId, int attempt, string? token, RunnerTaskResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var access = await AuthorizeAsync(planId, taskId, attempt, token, cancellationToken);
        if (access.Status != RunnerCallStatus.Ok)
        {
            return access.Status;
        }

        var succeeded = string.Equals(result.State, "succeeded", StringComparison.Ordinal);
        if ((!succeeded && !string.Equals(result.State, "failed", StringComparison.Ordinal)) || result.CostUsd < 0m)
        {
            return RunnerCallStatus.Invalid;
        }

        if (result.RunId is > 0 and { } runId)
        {
            await dispatches.SetRunIdAsync(planId, taskId, attempt, runId, cancellationToken);
        }

        if (!await dispatches.MarkReportedAsync(planId, taskId, attempt, time.GetUtcNow(), cancellationToken))
        {
            return RunnerCallStatus.Gone;
        }

        // From here the outcome is this call's to write: finish it even if the runner hangs up.
        if (recorder is not null)
        {
            await recorder.RecordAsync(access.Snapshot, access.Dispatch!, result, null);
        }

        var outcome = succeeded
            ? await results.MergeAsync(access.Snapshot!.Plan, access.Task!, result, CancellationToken.None)
            : TaskOutcome.Fail($"the runner reported a failure: {Shorten(result.Reason) ?? "no reason given"}", retryable: true, result.CostUsd);
        await runner.FinishAsync(planId, taskId, attempt, outcome, CancellationToken.None);
        return RunnerCallStatus.Ok;
    }

    /// <summary>The deadline passed: fails the attempt when nothing was reported.</summary>
    public async Task TimeOutAsync(long planId, string taskId, int attempt, CancellationToken cancellationToken)
    {
        var dispatch = await dispatches.FindAsync(planId, taskId, attempt, cancellationToken);
        if (dispatch is null)
        {
            return;
        }

        var minutes = dispatch.Deadline - dispatch.DispatchedAt;
        await FailUnreportedAsync(dispatch, $"the runner did not report within {Describe(minutes)}", cancellationToken);
    }

    /// <summary>Fails the attempt (retryable) when nothing was reported yet; false when an outcome was already taken.</summary>
    public async Task<bool> FailUnreportedAsync(TaskDispatch dispatch, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        if (!await dispatches.MarkReportedAsync(dispatch.PlanId, dispatch.TaskId, dispatch.Attempt, time.GetUtcNow(), cancellationToken))
        {
            return false;
        }

        LogFailedUnreported(logger, dispatch.PlanId, dispatch.TaskId, dispatch.Attempt, reason);
        if (recorder is not null)
        {
            await recorder.RecordAsync(await plans.GetAsync(dispatch.PlanId, CancellationToken.None), dispatch, null, reason);
        }

        await runner.FinishAsync(dispatch.PlanId, dispatch.TaskId, dispatch.Attempt, TaskOutcome.Fail(reason, retryable: true, 0m), CancellationToken.None);
        return true;
    }

    private static string Describe(TimeSpan span) =>
        span.TotalMinutes >= 1 && span.Seconds == 0
            ? $"{((int)span.TotalMinutes).ToString(System.Globalization.CultureInfo.InvariantCulture)}m"
            : $"{((int)Math.Ceiling(span.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture)}s";

    private static string? Shorten(string? text) => text is null ? null : text.Length <= 500 ? text : text[..500] + "…";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plan {PlanId} task {TaskId} attempt {Attempt}: runner call refused (no dispatch, wrong or expired token)")]
    private static partial void LogRefused(ILogger logger, long planId, string taskId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan {PlanId} task {TaskId} attempt {Attempt}: failed without a runner result: {Reason}")]
    private static partial void LogFailedUnreported(ILogger logger, long planId, string taskId, int attempt, string reason);
}
