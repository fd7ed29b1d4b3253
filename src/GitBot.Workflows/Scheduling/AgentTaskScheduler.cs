using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace GitBot.Workflows.Scheduling;

/// <summary>
/// The job engine for agent tasks: a second, named Quartz scheduler (<see cref="SchedulerName"/>) on the same
/// persistent store as the main one, whose thread pool is this node's agent slots. Quartz acquires a trigger only
/// when a thread is free, so a node never takes more agent tasks than it has slots, and a task waiting for a slot
/// stays in the shared queue where any node with a free slot takes it; long agent runs never hold up webhook
/// processing on the main scheduler. Clustered on PostgreSQL: a node that dies has its running task jobs (all
/// <c>RequestRecovery</c>) re-run by another node. A node with no slots still queues tasks through it but never
/// starts it (see <see cref="AgentTaskSchedulerService"/>).
/// </summary>
public sealed class AgentTaskScheduler(IServiceProvider services, IOptions<SchedulerOptions> options)
{
    /// <summary>Every node of one deployment uses this name; it is the cluster of agent-task runners.</summary>
    public const string SchedulerName = "GitBot.Tasks";

    /// <summary>This node's agent slots.</summary>
    public int Slots => Math.Max(0, options.Value.AgentSlots);

    /// <summary>The scheduler (built on first use; started only by <see cref="AgentTaskSchedulerService"/>).</summary>
    public Task<IScheduler> GetAsync(CancellationToken cancellationToken) =>
        services.GetRequiredKeyedService<ISchedulerFactory>(SchedulerName).GetScheduler(cancellationToken).AsTask();
}
