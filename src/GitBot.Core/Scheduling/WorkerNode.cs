namespace GitBot.Core.Scheduling;

/// <summary>A GitBot process as the cluster status shows it.</summary>
/// <param name="Node">The node name.</param>
/// <param name="InstanceId">The process's instance id.</param>
/// <param name="HostRole"><c>serve</c> or <c>worker</c>.</param>
/// <param name="Slots">Short-job slots.</param>
/// <param name="AgentSlots">Agent-task slots.</param>
/// <param name="Labels">Labels, comma-separated, may be empty.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="LastSeen">Its latest heartbeat.</param>
/// <param name="StoppedAt">When it stopped cleanly, or null.</param>
/// <param name="Alive">Not stopped and seen within the liveness window (three check-in intervals).</param>
public sealed record WorkerNode(
    string Node,
    string InstanceId,
    string HostRole,
    int Slots,
    int AgentSlots,
    string Labels,
    DateTimeOffset StartedAt,
    DateTimeOffset LastSeen,
    DateTimeOffset? StoppedAt,
    bool Alive);
