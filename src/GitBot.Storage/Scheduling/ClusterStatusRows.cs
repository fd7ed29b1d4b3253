namespace GitBot.Storage.Scheduling;

/// <summary>A queue-depth row: one scheduler and its due, waiting triggers.</summary>
internal sealed class QueuedRow
{
    public string Scheduler { get; set; } = "";
    public long Depth { get; set; }
}

/// <summary>A <c>qrtz_fired_triggers</c> row that is executing.</summary>
internal sealed class FiredRow
{
    public string Scheduler { get; set; } = "";
    public string? JobGroup { get; set; }
    public string? JobName { get; set; }
    public string InstanceId { get; set; } = "";
    public long FiredTicks { get; set; }
}

/// <summary>A <c>worker_nodes</c> row.</summary>
internal sealed class NodeRow
{
    public string InstanceId { get; set; } = "";
    public string Node { get; set; } = "";
    public string HostRole { get; set; } = "";
    public int Slots { get; set; }
    public int AgentSlots { get; set; }
    public string Labels { get; set; } = "";
    public long StartedAt { get; set; }
    public long LastSeen { get; set; }
    public long? StoppedAt { get; set; }
}
