namespace GitBot.Workflows.Deliveries;

/// <summary>Settings of the <see cref="DeliveryDispatcher"/> (configuration section <c>Dispatcher</c>).</summary>
public sealed class DeliveryDispatcherOptions
{
    public const string SectionName = "Dispatcher";

    /// <summary>
    /// How often the dispatcher looks for undispatched deliveries when nobody signals it. The ingress signals after
    /// every stored delivery, so this only matters for deliveries stored by another process or before a restart.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many deliveries one round reads, schedules and marks together.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// How long the dispatcher waits after a signal before it reads, so that under load one round takes many
    /// deliveries instead of one round per insert competing with the ingress for the database's write lock.
    /// It adds at most this much to the time before a delivery's job starts.
    /// </summary>
    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(100);
}
