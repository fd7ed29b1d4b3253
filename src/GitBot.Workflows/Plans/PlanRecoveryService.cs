using GitBot.Core.Plans;
using GitBot.Git.Repositories;
using GitBot.Workflows.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GitBot.Workflows.Plans;

/// <summary>
/// At start-up: removes worktrees left by a process that died (on nodes that run agents), and makes sure every
/// unfinished plan has its next job queued — a plan in Planning its planning job, a running plan its Ready tasks'
/// jobs and, when all tasks are finished, its finish job. Everything it queues is idempotent, so running it on every
/// node at every start is safe. Jobs that were running on a node that died are re-run by Quartz itself.
/// </summary>
public sealed partial class PlanRecoveryService(
    IPlanStore store,
    PlanEngine engine,
    PlanJobScheduler jobs,
    WorktreeManager worktrees,
    AgentTaskScheduler tasks,
    ILogger<PlanRecoveryService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (tasks.Slots > 0)
        {
            var removed = await worktrees.CleanStaleAsync(cancellationToken);
            LogCleaned(logger, removed);
        }

        foreach (var snapshot in await store.ListUnfinishedAsync(cancellationToken))
        {
            switch (snapshot.Plan.State)
            {
                case PlanState.Planning:
                    await jobs.SchedulePlanningAsync(snapshot.Plan.Id, cancellationToken);
                    break;
                case PlanState.Running:
                    await engine.AdvanceAsync(snapshot.Plan.Id, cancellationToken);
                    break;
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} stale worktrees left by an earlier run")]
    private static partial void LogCleaned(ILogger logger, int count);
}
