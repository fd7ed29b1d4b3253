namespace GitBot.Workflows.Redelivery;

/// <summary>Settings of the redelivery sweep (configuration section <c>Redelivery</c>).</summary>
public sealed class RedeliveryOptions
{
    public const string SectionName = "Redelivery";

    /// <summary>Whether the sweep is scheduled at all (it never runs without GitHub App credentials).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the sweep runs.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The oldest failure a sweep looks at. The first sweep reads this far back; later ones read from the previous
    /// sweep (minus <see cref="Overlap"/>), never further than this. GitHub keeps its delivery log for three days.
    /// </summary>
    public TimeSpan Lookback { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// How far before the previous sweep's start a sweep reads again, so a failure GitHub logged while that sweep was
    /// reading (or with a clock a little off ours) is not missed. Re-reading is harmless: stored and already
    /// redelivered deliveries are skipped.
    /// </summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromMinutes(10);
}
