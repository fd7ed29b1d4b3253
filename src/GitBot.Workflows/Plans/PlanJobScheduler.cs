using GitBot.Core.Plans;
using GitBot.Workflows.Scheduling;
using GitBot.Workflows.Telemetry;
using Microsoft.Extensions.Logging;
using Quartz;

namespace GitBot.Workflows.Plans;

/// <summary>
/// Queues plan work on the agent-task scheduler. Every job is durable until it has run and requests recovery, so a node
/// that dies mid-job has it re-run by another node; scheduling an identity that already exists is a no-op (see
/// <see cref="PlanJobKeys"/>), which makes every caller safe to repeat. A task whose role requires node labels is
/// queued in its label set's execution group, so only a node with all those labels takes it (<see cref="NodeLabels"/>).
/// </summary>
public sealed partial class PlanJobScheduler(
    AgentTaskScheduler tasks,
    IPlanStore plans,
    PlanConfiguration configuration,
    TimeProvider time,
    ILogger<PlanJobScheduler> logger)
{
    /// <summary>Queues the planning of a plan (task list or planner agent).</summary>
    public async Task<bool> SchedulePlanningAsync(long planId, CancellationToken cancellationToken) =>
        await ScheduleAsync(JobBuilder.Create<PlanIssueJob>().WithIdentity(PlanJobKeys.Planning(planId))
            .UsingJobData(PlanJobKeys.PlanIdKey, planId).UsingTraceContext().RequestRecovery().Build(),
            await plans.GetAsync(planId, cancellationToken), TimeSpan.Zero, cancellationToken);

    /// <summary>Queues one run attempt of a task, after <paramref name="delay"/> (retry backoff).</summary>
    public async Task<bool> ScheduleTaskRunAsync(long planId, string taskId, int attempt, TimeSpan delay, CancellationToken cancellationToken)
    {
        var snapshot = await plans.GetAsync(planId, cancellationToken);
        var labels = RequiredLabels(snapshot, taskId);
        var group = NodeLabels.ExecutionGroup(labels);
        var scheduled = await ScheduleAsync(JobBuilder.Create<RunTaskJob>().WithIdentity(PlanJobKeys.TaskRun(planId, taskId, attempt))
            .UsingJobData(PlanJobKeys.PlanIdKey, planId)
            .UsingJobData(PlanJobKeys.TaskIdKey, taskId)
            .UsingJobData(PlanJobKeys.AttemptKey, attempt).UsingTraceContext().RequestRecovery().Build(), snapshot, delay, cancellationToken, group);
        if (scheduled && group is not null)
        {
            // Visible when no node has the labels: the task then waits in the queue until one joins.
            LogLabelled(logger, planId, taskId, attempt, string.Join(',', labels), group);
        }

        return scheduled;
    }

    /// <summary>Queues the end of a plan: the pull request, or the report of what failed.</summary>
    public async Task<bool> ScheduleFinishAsync(long planId, CancellationToken cancellationToken) =>
        await ScheduleAsync(JobBuilder.Create<FinishPlanJob>().WithIdentity(PlanJobKeys.Finish(planId))
            .UsingJobData(PlanJobKeys.PlanIdKey, planId).UsingTraceContext().RequestRecovery().Build(),
            await plans.GetAsync(planId, cancellationToken), TimeSpan.Zero, cancellationToken);

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

    /// <summary>The labels the task's role requires, from the plan's own configuration snapshot; none when unknown.</summary>
    private IReadOnlyList<string> RequiredLabels(PlanSnapshot? snapshot, string taskId)
    {
        var task = snapshot?.Tasks.FirstOrDefault(t => t.Id == taskId);
        if (snapshot is null || task is null)
        {
            return [];
        }

        // An undefined role has no labels; the task then fails on whichever node takes it, saying so.
        return configuration.For(snapshot.Plan).Roles.TryGetValue(task.Definition.Role, out var role) ? role.Labels : [];
    }

    private async Task<bool> ScheduleAsync(IJobDetail job, PlanSnapshot? plan, TimeSpan delay, CancellationToken cancellationToken, string? executionGroup = null)
    {
        if (plan is not null)
        {
            // Read by the traced job wrapper into the job's log scope: every line of a plan job names its repository
            // and issue, not only the plan id.
            job.JobDataMap["repository"] = plan.Plan.Repository;
            job.JobDataMap["issueNumber"] = plan.Plan.IssueNumber;
        }

        var builder = TriggerBuilder.Create()
            .ForJob(job)
            .WithIdentity(job.Key.Name, job.Key.Group)
            .StartAt(time.GetUtcNow().Add(delay));
        if (executionGroup is not null)
        {
            builder = builder.WithExecutionGroup(executionGroup);
        }

        var trigger = builder.Build();
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan {PlanId} task {TaskId} attempt {Attempt}: queued for a node labelled {Labels} (execution group {Group}); it waits until such a node has a free slot")]
    private static partial void LogLabelled(ILogger logger, long planId, string taskId, int attempt, string labels, string group);
}
