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
    public int BatchSize { get; set; } = 200;
}
