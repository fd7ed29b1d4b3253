namespace GitBot.Workflows.Scheduling;

/// <summary>
/// The job engine's settings (configuration section <c>Scheduler</c>). Every node of a cluster must agree on
/// <see cref="ClusterCheckinInterval"/> and <see cref="ClusterCheckinMisfireThreshold"/>; the rest is per node.
/// </summary>
public sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>This node's name in logs and in its cluster instance id. Defaults to the machine name.</summary>
    public string NodeName { get; set; } = Environment.MachineName;

    /// <summary>How many short jobs (webhook deliveries, plan bookkeeping) this node runs at once.</summary>
    public int Slots { get; set; } = 4;

    /// <summary>
    /// How many agent tasks (coding agents, planners) this node runs at once: its worker slots. Agent tasks run on a
    /// scheduler of their own so that long agent runs never hold up webhook processing. 0 means this node runs no agents
    /// (a <c>serve</c> replica in front of dedicated workers); it can still queue them for other nodes.
    /// </summary>
    public int AgentSlots { get; set; } = 2;

    /// <summary>
    /// This node's labels, comma-separated (<c>gpu,large</c>): a task whose role requires labels runs only on a node
    /// that has all of them (see <see cref="NodeLabels"/>). Empty: the node runs unlabelled tasks only.
    /// </summary>
    public string Labels { get; set; } = string.Empty;

    /// <summary>
    /// On SIGTERM / Ctrl+C the node stops taking jobs at once and gives running agent tasks this long to finish; the
    /// rest are then stopped and handed back to the queue for another node. 20 s by default, so that the grace plus
    /// the hand-back (killing the agent's process tree, one database write) fits inside the 30 s a Kubernetes pod gets
    /// by default between SIGTERM and SIGKILL; the host's own shutdown timeout is raised to exceed it.
    /// </summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long an idle scheduler waits before asking the database for due jobs again. Quartz's default is 30 s;
    /// a job scheduled on this node signals the scheduler thread and starts at once, so this bounds only how long
    /// another node's job waits for an idle node to notice it. One second is Quartz's minimum.
    /// </summary>
    public TimeSpan IdleWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a clustered node records that it is alive (PostgreSQL only).</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long past a missed check-in the other nodes wait before treating a node as dead and re-running its
    /// recoverable jobs. A dead node's work is taken over after about interval + threshold.
    /// </summary>
    public TimeSpan ClusterCheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How late a trigger may fire before Quartz treats it as misfired rather than merely late.</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromSeconds(60);
}
