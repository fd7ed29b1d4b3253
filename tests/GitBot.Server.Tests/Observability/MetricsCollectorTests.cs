using System.Diagnostics.Metrics;
using GitBot.Server.Observability;
using Microsoft.Extensions.DependencyInjection;

namespace GitBot.Server.Tests.Observability;

public sealed class MetricsCollectorTests
{
    [Fact]
    public void Counters_sum_gauges_observe_and_histograms_fill_their_advised_buckets()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        using var collector = new MetricsCollector(factory);
        var meter = factory.Create(MetricsCollector.MeterName);
        var counter = meter.CreateCounter<long>("test_things_total", null, "Things.");
        var histogram = meter.CreateHistogram<double>("test_seconds", "s", "Seconds.", null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 10] });
        var level = 7;
        meter.CreateObservableGauge("test_level", () => level, null, "Level.");

        counter.Add(2, new KeyValuePair<string, object?>("outcome", "ok"));
        counter.Add(3, new KeyValuePair<string, object?>("outcome", "ok"));
        counter.Add(1, new KeyValuePair<string, object?>("outcome", "bad"));
        histogram.Record(0.5);
        histogram.Record(5);
        histogram.Record(50);
        var first = PrometheusText.Parse(PrometheusTextRenderer.Render(collector.Collect()));
        level = 9;
        var second = PrometheusText.Parse(PrometheusTextRenderer.Render(collector.Collect()));

        Assert.Equal(5, first.Sum("test_things_total", ("outcome", "ok")));
        Assert.Equal(1, first.Sum("test_things_total", ("outcome", "bad")));
        Assert.Equal(1, first.Sum("test_seconds_bucket", ("le", "1")));
        Assert.Equal(2, first.Sum("test_seconds_bucket", ("le", "10")));
        Assert.Equal(3, first.Sum("test_seconds_bucket", ("le", "+Inf")));
        Assert.Equal(55.5, first.Sum("test_seconds_sum"));
        Assert.Equal(7, first.Sum("test_level"));
        Assert.Equal(9, second.Sum("test_level"));
    }

    [Fact]
    public void A_collector_ignores_meters_of_another_factory()
    {
        using var mine = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var theirs = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var collector = new MetricsCollector(mine.GetRequiredService<IMeterFactory>());
        var counter = theirs.GetRequiredService<IMeterFactory>().Create(MetricsCollector.MeterName).CreateCounter<long>("test_foreign_total");

        counter.Add(1);

        Assert.False(PrometheusText.Parse(PrometheusTextRenderer.Render(collector.Collect())).Has("test_foreign_total"));
    }
}
