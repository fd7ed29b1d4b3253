using GitBot.Workflows.Scheduling;
using Quartz;

namespace GitBot.Workflows.Plans;

/// <summary>
/// Queues plan work on the agent-task scheduler. Every job is durable until it has run and requests recovery, so a node
/// that dies mid-job has it re-run by another node; scheduling an identity that already exists is a no-op (see
/// <see cref="PlanJobKeys"/>), which makes every caller safe to repeat.
/// </summary>
public sealed class PlanJobScheduler(AgentTaskScheduler tasks, TimeProvider time)
{
    /// <summary>Queues the planning of a plan (task list or planner agent).</summary>
    public Task<bool> SchedulePlanningAsync(long planId, CancellationToken cancellationToken) =>
        ScheduleAsync(JobBuilder.Create<PlanIssueJob>().WithIdentity(PlanJobKeys.Planning(planId))
            .UsingJobData(PlanJobKeys.PlanIdKey, planId).RequestRecovery().Build(), TimeSpan.Zero, cancellationToken);

    /// <summary>Queues one run attempt of a task, after <paramref name="delay"/> (retry backoff).</summary>
    public Task<bool> ScheduleTaskRunAsync(long planId, string taskId, int attempt, TimeSpan delay, CancellationToken cancellationToken) =>
        ScheduleAsync(JobBuilder.Create<RunTaskJob>().WithIdentity(PlanJobKeys.TaskRun(planId, taskId, attempt))
            .UsingJobData(PlanJobKeys.PlanIdKey, planId)
            .UsingJobData(PlanJobKeys.TaskIdKey, taskId)
            .UsingJobData(PlanJobKeys.AttemptKey, attempt).RequestRecovery().Build(), delay, cancellationToken);

    /// <summary>Queues the end of a plan: the pull request, or the report of what failed.</summary>
    public Task<bool> ScheduleFinishAsync(long planId, CancellationToken cancellationToken) =>
        ScheduleAsync(JobBuilder.Create<FinishPlanJob>().WithIdentity(PlanJobKeys.Finish(planId))
            .UsingJobData(PlanJobKeys.PlanIdKey, planId).RequestRecovery().Build(), TimeSpan.Zero, cancellationToken);

    /// <summary>Removes a queued planning job that has not started (a cancelled plan).</summary>
    public async Task<bool> UnschedulePlanningAsync(long planId, CancellationToken cancellationToken)
    {
        var scheduler = await tasks.GetAsync(cancellationToken);
        return await scheduler.DeleteJob(PlanJobKeys.Planning(planId), cancellationToken);
    }

    /// <summary>Removes a queued task run that has not started (a cancelled plan). Returns true when one was removed.</summary>
    public async Task<bool> UnscheduleTaskRunAsync(long planId, string taskId, int attempt, CancellationToken cancellationToken)
    {
        var scheduler = await tasks.GetAsync(cancellationToken);
        return await scheduler.DeleteJob(PlanJobKeys.TaskRun(planId, taskId, attempt), cancellationToken);
    }

    private async Task<bool> ScheduleAsync(IJobDetail job, TimeSpan delay, CancellationToken cancellationToken)
    {
        var trigger = TriggerBuilder.Create()
            .ForJob(job)
            .WithIdentity(job.Key.Name, job.Key.Group)
            .StartAt(time.GetUtcNow().Add(delay))
            .Build();
        var scheduler = await tasks.GetAsync(cancellationToken);
        try
        {
            await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
            return true;
        }
        catch (ObjectAlreadyExistsException)
        {
            return false;
        }
    }
}
