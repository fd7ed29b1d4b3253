using Microsoft.Extensions.Hosting;
using Quartz;

namespace GitBot.Workflows.Scheduling;

/// <summary>
/// Runs this node's agent-task scheduler when it has slots. On stop, running task jobs are interrupted (their agents'
/// process trees are killed and each task is handed back to the queue) before the scheduler shuts down, so a
/// graceful stop never leaves a task marked running with nobody running it.
/// </summary>
public sealed class AgentTaskSchedulerService(AgentTaskScheduler tasks) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (tasks.Slots > 0)
        {
            var scheduler = await tasks.GetAsync(cancellationToken);
            await scheduler.Start(cancellationToken);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        IScheduler scheduler;
        try
        {
            scheduler = await tasks.GetAsync(cancellationToken);
        }
        catch (SchedulerException)
        {
            return; // Already shut down by Quartz's own hosted service.
        }

        if (scheduler.Status is not (SchedulerStatus.Running or SchedulerStatus.Standby))
        {
            return;
        }

        await scheduler.Standby(cancellationToken);
        foreach (var running in (await scheduler.QueryFireInstances(new FireInstanceQuery(), cancellationToken)).Items)
        {
            await scheduler.InterruptFireInstance(running.FireInstanceId, cancellationToken);
        }

        await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
    }
}
