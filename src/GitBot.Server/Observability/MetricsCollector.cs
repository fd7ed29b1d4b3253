using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace GitBot.Server.Observability;

/// <summary>
/// Aggregates the <c>GitBot</c> meter's measurements in memory for <c>/metrics</c>: counters and up-down counters
/// summed, gauges and observable instruments taking their latest value (observable ones are read at each scrape),
/// histograms counted into fixed buckets (the instrument's advised boundaries, or a default set). Only meters of this
/// host's <see cref="IMeterFactory"/> are listened to, so servers sharing a process never see each other's numbers.
/// </summary>
public sealed class MetricsCollector : IDisposable
{
    /// <summary>The meter name every GitBot project records on.</summary>
    public const string MeterName = "GitBot";

    private readonly MeterListener _listener;
    private readonly object? _scope;
    private readonly ConcurrentDictionary<Instrument, InstrumentAggregate> _aggregates = new();

    /// <param name="meters">The host's meter factory; null listens to every <c>GitBot</c> meter in the process.</param>
    public MetricsCollector(IMeterFactory? meters = null)
    {
        _scope = meters;
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == MeterName && (_scope is null || ReferenceEquals(instrument.Meter.Scope, _scope)))
                {
                    var aggregate = _aggregates.GetOrAdd(instrument, static i => new InstrumentAggregate(i));
                    listener.EnableMeasurementEvents(instrument, aggregate);
                }
            },
            MeasurementsCompleted = (instrument, _) => _aggregates.TryRemove(instrument, out InstrumentAggregate? _),
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>((_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>((_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.Start();
    }

    /// <summary>Reads the observable instruments and returns every family, ordered by name.</summary>
    public IReadOnlyList<MetricFamily> Collect()
    {
        foreach (var aggregate in _aggregates.Values)
        {
            aggregate.BeginCollect();
        }

        _listener.RecordObservableInstruments();
        return [.. _aggregates.Values.Select(a => a.Snapshot()).OrderBy(f => f.Name, StringComparer.Ordinal)];
    }

    public void Dispose() => _listener.Dispose();
}
