using GitBot.Core.Executors;
using GitBot.Core.Plans;
using GitBot.Core.Runs;
using GitBot.Workflows.Runs;
using Microsoft.Extensions.Logging;

namespace GitBot.Workflows.Executors;

/// <summary>
/// Records a task attempt that ran on the repository's Actions runner in <c>agent_runs</c>, so the dashboard and
/// <c>gitbot status</c> list it beside local runs. The runner has no database: the run is written once, when its outcome
/// is taken (the result, a failed workflow run or the timeout), from the dispatch time to then. The node is the Actions
/// run. Best effort: a database failure is logged and never changes the task's outcome.
/// </summary>
public sealed partial class RemoteRunRecorder(IAgentRunStore runs, TimeProvider time, ILogger<RemoteRunRecorder> logger)
{
    /// <summary>The backend name recorded for runner runs.</summary>
    public const string Backend = "actions";

    /// <summary>Records the attempt with what the runner reported, or with <paramref name="reason"/> when nothing was reported.</summary>
    public async Task RecordAsync(PlanSnapshot? snapshot, TaskDispatch dispatch, RunnerTaskResult? result, string? reason)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        var task = snapshot?.Tasks.FirstOrDefault(t => t.Id == dispatch.TaskId);
        var runId = result?.RunId ?? dispatch.RunId;
        var subject = new AgentRunSubject(dispatch.Repository, AgentRunKind.Task, snapshot?.Plan.IssueNumber, snapshot?.Plan.PullRequestNumber,
            dispatch.PlanId, dispatch.TaskId, dispatch.Attempt);
        var node = runId is { } id ? $"actions run {id.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "actions runner";
        var outcome = result?.Outcome
            ?? (result is null ? "Failed" : string.Equals(result.State, "succeeded", StringComparison.Ordinal) ? "Succeeded" : "Failed");
        try
        {
            // CancellationToken.None: the outcome is already taken; its record must not be lost to a caller hanging up.
            var stored = await runs.StartAsync(new AgentRunStart(subject, task?.Definition.Role ?? "(unknown)", Backend, node, null, dispatch.DispatchedAt), CancellationToken.None);
            await runs.FinishAsync(
                stored,
                new AgentRunFinish(outcome, result?.ExitCode, result?.Turns ?? 0, result?.InputTokens ?? 0, result?.OutputTokens ?? 0, result?.CostUsd ?? 0m,
                    AgentRunRecorder.Reason(result?.Reason ?? reason), time.GetUtcNow()),
                CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogRecordFailed(logger, dispatch.PlanId, dispatch.TaskId, dispatch.Attempt, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plan {PlanId} task {TaskId} attempt {Attempt}: the runner's run could not be recorded for the dashboard")]
    private static partial void LogRecordFailed(ILogger logger, long planId, string taskId, int attempt, Exception exception);
}
