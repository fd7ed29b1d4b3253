using GitBot.Core.Plans;
using Microsoft.Extensions.Logging;

namespace GitBot.Workflows.Plans;

/// <summary>
/// Starts tasks of an issue's newest plan again (<c>/agent retry [task]</c>). The tasks that failed, are blocked, need a
/// human or were cancelled (or the one named, with the blocked or cancelled tasks that wait on it) go back to Pending
/// through the state machine's human-retry transition; the engine then queues them with a new attempt. A finished plan
/// is reopened (Running) in the same versioned write, so its finish runs again: the pull request is opened or updated,
/// or the failure report is written again. Never touches a plan that is still being made or waits for approval.
/// </summary>
public sealed partial class PlanRetrier(IPlanStore store, PlanEngine engine, TimeProvider time, ILogger<PlanRetrier> logger)
{
    private static readonly TaskState[] Retryable = [TaskState.Failed, TaskState.Blocked, TaskState.NeedsHuman, TaskState.Cancelled];

    /// <summary>Retries <paramref name="taskId"/>, or every task that did not succeed when it is null.</summary>
    public async Task<PlanRetryResult> RetryAsync(string repository, int issueNumber, string? taskId, string actor, string? deliveryId, CancellationToken cancellationToken)
    {
        var latest = await store.FindLatestAsync(repository, issueNumber, cancellationToken);
        if (latest is null)
        {
            return new PlanRetryResult(PlanRetryStatus.NoPlan, null, [], false, "this issue has no plan");
        }

        PlanRetryResult? refused = null;
        IReadOnlyList<string> retried = [];
        var reopened = false;
        var result = await engine.UpdateAsync(latest.Plan.Id, snapshot =>
        {
            refused = Decide(snapshot, taskId, out var chosen);
            if (refused is not null)
            {
                return null;
            }

            var builder = new PlanChangeBuilder(snapshot, time.GetUtcNow(), actor, deliveryId);
            var why = $"retry by @{actor}";
            foreach (var task in chosen)
            {
                builder.SetTask(task with { State = TaskState.Pending, Reason = null, StartedAt = null, FinishedAt = null }, why);
            }

            reopened = snapshot.Plan.IsFinished;
            if (reopened)
            {
                builder.SetPlan(snapshot.Plan with { State = PlanState.Running, Reason = null }, $"reopened by @{actor} for a retry");
            }

            retried = [.. chosen.Select(t => t.Id)];
            return builder.Build();
        }, cancellationToken);

        if (!result.Applied)
        {
            return refused ?? new PlanRetryResult(PlanRetryStatus.NothingToRetry, result.Snapshot, [], false, "nothing changed");
        }

        LogRetried(logger, latest.Plan.Id, string.Join(",", retried), actor, reopened);
        await engine.AdvanceAsync(latest.Plan.Id, cancellationToken);
        var after = await store.GetAsync(latest.Plan.Id, cancellationToken);
        return new PlanRetryResult(PlanRetryStatus.Retried, after, retried, reopened, null);
    }

    /// <summary>Null with the tasks to retry, or why nothing is retried.</summary>
    private static PlanRetryResult? Decide(PlanSnapshot snapshot, string? taskId, out List<TaskRecord> chosen)
    {
        chosen = [];
        var plan = snapshot.Plan;
        if (plan.State is PlanState.Planning or PlanState.AwaitingApproval)
        {
            var why = plan.State == PlanState.Planning ? "its plan is still being made" : "its plan waits for approval";
            return new PlanRetryResult(PlanRetryStatus.NothingToRetry, snapshot, [], false, why);
        }

        if (snapshot.Tasks.Count == 0)
        {
            return new PlanRetryResult(PlanRetryStatus.NothingToRetry, snapshot, [], false,
                "its plan has no tasks (planning did not succeed); `/agent plan` makes a new plan");
        }

        if (taskId is null)
        {
            chosen = [.. snapshot.Tasks.Where(t => Retryable.Contains(t.State))];
            return chosen.Count > 0 ? null : new PlanRetryResult(PlanRetryStatus.NothingToRetry, snapshot, [], false,
                plan.State == PlanState.Succeeded || TaskGraph.AllSucceeded(snapshot.Tasks)
                    ? "every task of its plan succeeded"
                    : "no task has failed, is blocked, needs a human or was cancelled");
        }

        var named = snapshot.Tasks.FirstOrDefault(t => string.Equals(t.Id, taskId, StringComparison.Ordinal));
        if (named is null)
        {
            return new PlanRetryResult(PlanRetryStatus.UnknownTask, snapshot, [], false,
                "the plan's tasks are " + string.Join(", ", snapshot.Tasks.Select(t => t.Id)));
        }

        if (!Retryable.Contains(named.State))
        {
            return new PlanRetryResult(PlanRetryStatus.NotRetryable, snapshot, [], false,
                $"task {named.Id} is {named.State}; only a task that failed, is blocked, needs a human or was cancelled is retried");
        }

        chosen = WithWaitingDependents(snapshot.Tasks, named);
        var ids = chosen.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var task in chosen)
        {
            var stuck = snapshot.Tasks.FirstOrDefault(p => task.Definition.DependsOn.Contains(p.Id, StringComparer.Ordinal)
                && p.IsFinished && p.State != TaskState.Succeeded && !ids.Contains(p.Id));
            if (stuck is not null)
            {
                chosen = [];
                return new PlanRetryResult(PlanRetryStatus.NotRetryable, snapshot, [], false,
                    $"task {task.Id} waits for task {stuck.Id}, which is {stuck.State}: retry {stuck.Id} (or every task with `/agent retry`)");
            }
        }

        return null;
    }

    /// <summary>The named task and every blocked or cancelled task that waits on it (transitively), in plan order.</summary>
    private static List<TaskRecord> WithWaitingDependents(IReadOnlyList<TaskRecord> tasks, TaskRecord named)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal) { named.Id };
        bool grew;
        do
        {
            grew = false;
            foreach (var task in tasks.Where(t => t.State is TaskState.Blocked or TaskState.Cancelled && !ids.Contains(t.Id)))
            {
                if (task.Definition.DependsOn.Any(ids.Contains))
                {
                    grew |= ids.Add(task.Id);
                }
            }
        }
        while (grew);

        return [.. tasks.Where(t => ids.Contains(t.Id)).OrderBy(t => t.Ordinal)];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan {PlanId}: tasks {TaskIds} retried by {Actor} (plan reopened: {Reopened})")]
    private static partial void LogRetried(ILogger logger, long planId, string taskIds, string actor, bool reopened);
}
