using System.Diagnostics.Metrics;
using System.Globalization;

namespace GitBot.Server.Observability;

/// <summary>The running totals of one instrument, per label set. Thread-safe; one lock per instrument.</summary>
internal sealed class InstrumentAggregate
{
    private static readonly double[] DefaultBounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Instrument _instrument;
    private readonly MetricKind _kind;
    private readonly bool _replaces;
    private readonly double[] _bounds;
    private readonly Dictionary<string, Series> _series = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public InstrumentAggregate(Instrument instrument)
    {
        _instrument = instrument;
        var definition = instrument.GetType().IsGenericType ? instrument.GetType().GetGenericTypeDefinition() : instrument.GetType();
        _kind = definition == typeof(Counter<>) || definition == typeof(ObservableCounter<>) ? MetricKind.Counter
            : definition == typeof(Histogram<>) ? MetricKind.Histogram
            : MetricKind.Gauge;
        // Observable instruments report their current value (a cumulative one for observable counters); so does a gauge.
        _replaces = instrument.IsObservable || definition == typeof(Gauge<>);
        _bounds = instrument switch
        {
            Histogram<double> { Advice.HistogramBucketBoundaries: { Count: > 0 } b } => [.. b],
            Histogram<long> { Advice.HistogramBucketBoundaries: { Count: > 0 } b } => [.. b.Select(x => (double)x)],
            Histogram<int> { Advice.HistogramBucketBoundaries: { Count: > 0 } b } => [.. b.Select(x => (double)x)],
            _ => DefaultBounds,
        };
    }

    public void Record<T>(T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct, IConvertible
    {
        var number = value.ToDouble(CultureInfo.InvariantCulture);
        var labels = new List<KeyValuePair<string, string>>(tags.Length);
        foreach (var tag in tags)
        {
            labels.Add(new(tag.Key, Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? string.Empty));
        }

        labels.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var key = string.Join('\u0001', labels.Select(l => l.Key + "\u0002" + l.Value));
        lock (_lock)
        {
            if (!_series.TryGetValue(key, out var series))
            {
                series = new Series(labels, new long[_bounds.Length + 1]);
                _series[key] = series;
            }

            if (_kind == MetricKind.Histogram)
            {
                var bucket = Array.FindIndex(_bounds, bound => number <= bound);
                series.Buckets[bucket < 0 ? _bounds.Length : bucket]++;
                series.Count++;
                series.Value += number;
            }
            else
            {
                series.Value = _replaces ? number : series.Value + number;
            }
        }
    }

    /// <summary>Observable series are re-read at each scrape; one that is no longer reported disappears.</summary>
    public void BeginCollect()
    {
        if (_instrument.IsObservable)
        {
            lock (_lock)
            {
                _series.Clear();
            }
        }
    }

    public MetricFamily Snapshot()
    {
        lock (_lock)
        {
            var series = _series.Values
                .Select(s => new MetricSeries(s.Labels, s.Value, _bounds, [.. s.Buckets], s.Count))
                .ToList();
            return new MetricFamily(_instrument.Name, _instrument.Description ?? _instrument.Name, _kind, series);
        }
    }

    private sealed class Series(List<KeyValuePair<string, string>> labels, long[] buckets)
    {
        public List<KeyValuePair<string, string>> Labels { get; } = labels;

        public long[] Buckets { get; } = buckets;

        public double Value { get; set; }

        public long Count { get; set; }
    }
}
