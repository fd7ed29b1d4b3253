namespace GitBot.Core.Scheduling;

/// <summary>Reads the job engine's state (Quartz's tables and <c>worker_nodes</c>) for the dashboard and /metrics.</summary>
public interface IClusterStatusStore
{
    /// <summary>The status now. Throws the provider's exception when the database is unreachable.</summary>
    Task<ClusterStatus> GetAsync(CancellationToken cancellationToken);
}
