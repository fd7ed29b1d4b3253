using System.Globalization;
using System.Text;

namespace GitBot.Server.Observability;

/// <summary>
/// Renders metric families in the Prometheus text exposition format (0.0.4): <c># HELP</c> and <c># TYPE</c> before
/// each family's samples; names reduced to <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>; label values escaped (<c>\\</c>,
/// <c>\"</c>, <c>\n</c>) and help text escaped (<c>\\</c>, <c>\n</c>); histogram buckets cumulative, ending with
/// <c>le="+Inf"</c> equal to <c>_count</c>.
/// </summary>
public static class PrometheusTextRenderer
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Render(IEnumerable<MetricFamily> families)
    {
        ArgumentNullException.ThrowIfNull(families);
        var text = new StringBuilder();
        foreach (var family in families)
        {
            var name = SanitizeName(family.Name);
            text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(family.Help)).Append('\n');
            text.Append("# TYPE ").Append(name).Append(' ').Append(TypeName(family.Kind)).Append('\n');
            foreach (var series in family.Series)
            {
                if (family.Kind == MetricKind.Histogram)
                {
                    AppendHistogram(text, name, series);
                }
                else
                {
                    AppendSample(text, name, series.Labels, null, series.Value);
                }
            }
        }

        return text.ToString();
    }

    /// <summary>Replaces every character a metric or label name may not contain with <c>_</c>.</summary>
    public static string SanitizeName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            var ok = char.IsAsciiLetter(c) || c is '_' or ':' || (i > 0 && char.IsAsciiDigit(c));
            chars[i] = ok ? c : '_';
        }

        return new string(chars);
    }

    public static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string TypeName(MetricKind kind) => kind switch
    {
        MetricKind.Counter => "counter",
        MetricKind.Gauge => "gauge",
        _ => "histogram",
    };

    private static void AppendHistogram(StringBuilder text, string name, MetricSeries series)
    {
        var bounds = series.Bounds ?? [];
        var counts = series.BucketCounts ?? [];
        long cumulative = 0;
        for (var i = 0; i < bounds.Count; i++)
        {
            cumulative += i < counts.Count ? counts[i] : 0;
            AppendSample(text, name + "_bucket", series.Labels, FormatValue(bounds[i]), cumulative);
        }

        AppendSample(text, name + "_bucket", series.Labels, "+Inf", series.Count);
        AppendSample(text, name + "_sum", series.Labels, null, series.Value);
        AppendSample(text, name + "_count", series.Labels, null, series.Count);
    }

    private static void AppendSample(StringBuilder text, string name, IReadOnlyList<KeyValuePair<string, string>> labels, string? le, double value)
    {
        text.Append(name);
        if (labels.Count > 0 || le is not null)
        {
            text.Append('{');
            var first = true;
            foreach (var (key, label) in labels)
            {
                text.Append(first ? "" : ",").Append(SanitizeName(key)).Append("=\"").Append(EscapeLabelValue(label)).Append('"');
                first = false;
            }

            if (le is not null)
            {
                text.Append(first ? "" : ",").Append("le=\"").Append(le).Append('"');
            }

            text.Append('}');
        }

        text.Append(' ').Append(FormatValue(value)).Append('\n');
    }

    private static string FormatValue(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf"
        : double.IsNegativeInfinity(value) ? "-Inf"
        : double.IsNaN(value) ? "NaN"
        : value.ToString("R", CultureInfo.InvariantCulture);
}
