using GitBot.Core.Plans;
using Microsoft.Extensions.Logging;

namespace GitBot.Workflows.Plans;

/// <summary>
/// Stops an issue's unfinished plan: the plan and every unfinished task become Cancelled in one versioned write;
/// queued runs are removed from the job store; running agents notice within a poll interval
/// (<see cref="TaskRunWatcher"/>, on whichever node runs them) and have their process trees killed.
/// </summary>
public sealed partial class PlanCanceller(
    IPlanStore store,
    PlanEngine engine,
    PlanJobScheduler jobs,
    PlanCommentPublisher comments,
    TimeProvider time,
    ILogger<PlanCanceller> logger)
{
    /// <summary>Returns false when the issue has no unfinished plan.</summary>
    public async Task<bool> CancelAsync(string repository, int issueNumber, string actor, string why, string? deliveryId, CancellationToken cancellationToken)
    {
        var active = await store.FindActiveAsync(repository, issueNumber, cancellationToken);
        if (active is null)
        {
            return false;
        }

        var planId = active.Plan.Id;
        var result = await engine.UpdateAsync(planId, snapshot =>
        {
            if (snapshot.Plan.IsFinished)
            {
                return null;
            }

            var builder = new PlanChangeBuilder(snapshot, time.GetUtcNow(), actor, deliveryId);
            var reason = $"cancelled by @{actor}: {why}";
            foreach (var task in snapshot.Tasks.Where(t => !t.IsFinished))
            {
                builder.SetTask(task with { State = TaskState.Cancelled, Reason = reason, FinishedAt = builder.Now }, reason);
            }

            builder.SetPlan(snapshot.Plan with { State = PlanState.Cancelled, Reason = reason }, reason);
            return builder.Build();
        }, cancellationToken);

        if (!result.Applied)
        {
            return false;
        }

        await jobs.UnschedulePlanningAsync(planId, cancellationToken);
        foreach (var task in active.Tasks.Where(t => t.State == TaskState.Ready))
        {
            await jobs.UnscheduleTaskRunAsync(planId, task.Id, task.Attempt, cancellationToken);
        }

        LogCancelled(logger, planId, actor);
        await comments.RefreshAsync(planId, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan {PlanId} cancelled by {Actor}")]
    private static partial void LogCancelled(ILogger logger, long planId, string actor);
}
