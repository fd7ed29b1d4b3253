using System.Diagnostics.Metrics;

namespace GitBot.Workflows.Deliveries;

/// <summary>
/// Delivery-processing instruments on the <c>GitBot</c> meter: stored deliveries processed, by event and
/// <see cref="DeliveryProcessingOutcome"/>. A processing attempt that throws (and is retried) is not counted.
/// </summary>
public sealed class DeliveryMetrics
{
    private readonly Counter<long> _processed;

    /// <param name="meters">The host's meter factory; a standalone meter without one.</param>
    public DeliveryMetrics(IMeterFactory? meters = null)
    {
        var meter = meters?.Create("GitBot") ?? new Meter("GitBot");
        _processed = meter.CreateCounter<long>("gitbot_deliveries_processed_total", null, "Stored webhook deliveries processed, by event and outcome.");
    }

    /// <summary>Records one processed delivery.</summary>
    public void Processed(string eventName, DeliveryProcessingOutcome outcome) =>
        _processed.Add(
            1,
            new KeyValuePair<string, object?>("event", eventName),
            new KeyValuePair<string, object?>("outcome", outcome.ToString().ToLowerInvariant()));
}
