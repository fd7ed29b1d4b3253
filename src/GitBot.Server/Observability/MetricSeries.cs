namespace GitBot.Server.Observability;

/// <summary>
/// One labelled series of a metric family. For a counter or gauge <see cref="Value"/> is the value; for a histogram
/// <see cref="BucketCounts"/> holds the observations per bucket (not cumulative; one more entry than
/// <see cref="Bounds"/>, the last for +Inf), <see cref="Value"/> their sum and <see cref="Count"/> their number.
/// </summary>
public sealed record MetricSeries(
    IReadOnlyList<KeyValuePair<string, string>> Labels,
    double Value,
    IReadOnlyList<double>? Bounds = null,
    IReadOnlyList<long>? BucketCounts = null,
    long Count = 0);
