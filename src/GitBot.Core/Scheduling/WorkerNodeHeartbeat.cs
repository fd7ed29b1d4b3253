namespace GitBot.Core.Scheduling;

/// <summary>What one running GitBot process says about itself on every heartbeat.</summary>
/// <param name="InstanceId">Unique per process (a restart is a new instance).</param>
/// <param name="Node">The node name (<c>Scheduler:NodeName</c>).</param>
/// <param name="HostRole"><c>serve</c> or <c>worker</c>.</param>
/// <param name="Slots">Short-job slots.</param>
/// <param name="AgentSlots">Agent-task slots.</param>
/// <param name="Labels">The node's labels, comma-separated, may be empty.</param>
/// <param name="StartedAt">When the process started.</param>
public sealed record WorkerNodeHeartbeat(
    string InstanceId,
    string Node,
    string HostRole,
    int Slots,
    int AgentSlots,
    string Labels,
    DateTimeOffset StartedAt);
