using GitBot.Workflows.Scheduling;
using GitBot.Workflows.Telemetry;
using Quartz;

namespace GitBot.Workflows.Reviews;

/// <summary>Queues review jobs on the agent-task scheduler; an attempt that is already queued is not queued again.</summary>
public sealed class ReviewJobScheduler(AgentTaskScheduler tasks, TimeProvider time)
{
    /// <summary>Queues the attempt; false when it was already queued.</summary>
    public async Task<bool> ScheduleAsync(long runId, int attempt, CancellationToken cancellationToken)
    {
        var job = JobBuilder.Create<ReviewJob>().WithIdentity(ReviewJobKeys.Run(runId, attempt))
            .UsingJobData(ReviewJobKeys.RunIdKey, runId)
            .UsingJobData(ReviewJobKeys.AttemptKey, attempt)
            .UsingTraceContext().RequestRecovery().Build();
        var trigger = TriggerBuilder.Create().ForJob(job).WithIdentity(job.Key.Name, job.Key.Group).StartAt(time.GetUtcNow()).Build();
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

    /// <summary>Removes the attempt's job if it has not started (a superseded head). True when one was removed.</summary>
    public async Task<bool> UnscheduleAsync(long runId, int attempt, CancellationToken cancellationToken)
    {
        var scheduler = await tasks.GetAsync(cancellationToken);
        return await scheduler.DeleteJob(ReviewJobKeys.Run(runId, attempt), cancellationToken);
    }
}
