using GitBot.Server.Observability;

namespace GitBot.Server.Tests.Observability;

public sealed class PrometheusTextRendererTests
{
    [Fact]
    public void Label_values_and_help_are_escaped_and_the_output_parses_back()
    {
        var text = PrometheusTextRenderer.Render([
            new MetricFamily("gitbot_things_total", "Things\nwith a \\ backslash", MetricKind.Counter, [
                new MetricSeries([new("event", "a\"b\\c\nd"), new("outcome", "ok")], 3),
            ]),
        ]);

        Assert.Contains("# HELP gitbot_things_total Things\\nwith a \\\\ backslash\n", text, StringComparison.Ordinal);
        Assert.Contains("gitbot_things_total{event=\"a\\\"b\\\\c\\nd\",outcome=\"ok\"} 3\n", text, StringComparison.Ordinal);
        var parsed = PrometheusText.Parse(text);
        Assert.Equal("counter", parsed.TypeOf("gitbot_things_total"));
        Assert.Equal(3, parsed.Sum("gitbot_things_total", ("event", "a\"b\\c\nd")));
    }

    [Fact]
    public void Histogram_buckets_are_cumulative_and_the_inf_bucket_is_the_count()
    {
        var text = PrometheusTextRenderer.Render([
            new MetricFamily("gitbot_run_seconds", "Run time", MetricKind.Histogram, [
                new MetricSeries([new("role", "coder")], 42.5, [1, 10], [2, 0, 3], 5),
            ]),
        ]);

        Assert.Contains("gitbot_run_seconds_bucket{role=\"coder\",le=\"1\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("gitbot_run_seconds_bucket{role=\"coder\",le=\"10\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("gitbot_run_seconds_bucket{role=\"coder\",le=\"+Inf\"} 5\n", text, StringComparison.Ordinal);
        Assert.Contains("gitbot_run_seconds_sum{role=\"coder\"} 42.5\n", text, StringComparison.Ordinal);
        Assert.Contains("gitbot_run_seconds_count{role=\"coder\"} 5\n", text, StringComparison.Ordinal);
        Assert.Equal("histogram", PrometheusText.Parse(text).TypeOf("gitbot_run_seconds"));
    }

    [Fact]
    public void Names_are_reduced_to_the_allowed_characters()
    {
        Assert.Equal("gitbot_a_b_c", PrometheusTextRenderer.SanitizeName("gitbot.a-b c"));
        Assert.Equal("_x", PrometheusTextRenderer.SanitizeName("1x"));
    }

    [Fact]
    public void A_gauge_without_labels_has_no_braces()
    {
        var text = PrometheusTextRenderer.Render([new MetricFamily("gitbot_remaining", "Remaining", MetricKind.Gauge, [new MetricSeries([], 4999)])]);

        Assert.Contains("\ngitbot_remaining 4999\n", text, StringComparison.Ordinal);
        Assert.Equal(4999, PrometheusText.Parse(text).Sum("gitbot_remaining"));
    }
}
