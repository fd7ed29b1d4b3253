namespace GitBot.Server.Observability;

/// <summary>A metric with its help text, type and series, as rendered by <see cref="PrometheusTextRenderer"/>.</summary>
public sealed record MetricFamily(string Name, string Help, MetricKind Kind, IReadOnlyList<MetricSeries> Series);
