namespace GitBot.Server.Observability;

/// <summary>The Prometheus metric types GitBot exposes.</summary>
public enum MetricKind
{
    /// <summary>A monotonic total.</summary>
    Counter,

    /// <summary>A value that goes up and down (up-down counters and gauges).</summary>
    Gauge,

    /// <summary>Observations in fixed buckets, with their sum and count.</summary>
    Histogram,
}
