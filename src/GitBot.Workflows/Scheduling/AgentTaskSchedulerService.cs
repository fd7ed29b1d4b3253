using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace GitBot.Workflows.Scheduling;

/// <summary>
/// Runs this node's agent-task scheduler when it has slots, and stops it gracefully (SIGTERM, Ctrl+C): the scheduler
/// goes to standby at once, so the node takes no new job; running jobs get <see cref="SchedulerOptions.ShutdownGrace"/>
/// to finish; whatever still runs then is interrupted — its agent's process tree is killed and the task runner hands
/// the task back to the shared queue as a retryable failure, which another node takes — before the scheduler shuts
/// down. A graceful stop therefore never leaves a task marked running with nobody running it.
/// </summary>
public sealed partial class AgentTaskSchedulerService(
    AgentTaskScheduler tasks,
    IOptions<SchedulerOptions> options,
    TimeProvider time,
    ILogger<AgentTaskSchedulerService> logger) : IHostedService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

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

        await scheduler.Standby(CancellationToken.None);
        var grace = options.Value.ShutdownGrace < TimeSpan.Zero ? TimeSpan.Zero : options.Value.ShutdownGrace;
        var running = await RunningAsync(scheduler);
        if (running.Count > 0)
        {
            LogDraining(logger, running.Count, grace);
            var deadline = time.GetUtcNow() + grace;

            // The host's token fires at its shutdown timeout, which AddGitBotWorkflows sets above the grace; the
            // grace is ours to keep, so the wait ends at whichever comes first.
            while (running.Count > 0 && time.GetUtcNow() < deadline && !cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(Poll, time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                running = await RunningAsync(scheduler);
            }
        }

        if (running.Count > 0)
        {
            LogHandingBack(logger, running.Count, grace);
            foreach (var fire in running)
            {
                await scheduler.InterruptFireInstance(fire.FireInstanceId, CancellationToken.None);
            }
        }

        await scheduler.Shutdown(waitForJobsToComplete: true, CancellationToken.None);
        LogStopped(logger);
    }

    private static async Task<IReadOnlyList<FireInstance>> RunningAsync(IScheduler scheduler) =>
        // This node's firings only: with a clustered store the query sees every node's.
        [.. (await scheduler.QueryFireInstances(new FireInstanceQuery { SchedulerInstanceId = scheduler.SchedulerInstanceId }, CancellationToken.None)).Items];

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: taking no new agent tasks; waiting up to {Grace} for {Count} running")]
    private static partial void LogDraining(ILogger logger, int count, TimeSpan grace);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping: {Count} agent tasks still running after {Grace}; stopping them and handing them back to the queue")]
    private static partial void LogHandingBack(ILogger logger, int count, TimeSpan grace);

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent-task scheduler stopped")]
    private static partial void LogStopped(ILogger logger);
}
