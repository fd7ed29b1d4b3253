namespace GitBot.Core.Scheduling;

/// <summary>
/// The <c>worker_nodes</c> table: one row per GitBot process. Guarantees: <see cref="BeatAsync"/> inserts or refreshes
/// the instance's row (last seen = <c>seenAt</c>, stopped cleared); <see cref="StopAsync"/> marks it stopped.
/// </summary>
public interface IWorkerNodeStore
{
    /// <summary>Records that <paramref name="node"/> is alive at <paramref name="seenAt"/>.</summary>
    Task BeatAsync(WorkerNodeHeartbeat node, DateTimeOffset seenAt, CancellationToken cancellationToken);

    /// <summary>Records a clean stop of instance <paramref name="instanceId"/>; false when it is unknown.</summary>
    Task<bool> StopAsync(string instanceId, DateTimeOffset stoppedAt, CancellationToken cancellationToken);
}
