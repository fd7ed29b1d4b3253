using System.Globalization;
using System.Text.RegularExpressions;

namespace GitBot.Server.Tests.Observability;

/// <summary>
/// A strict parser of the Prometheus text format, for the tests: every line is blank, a comment, or
/// <c>name{labels} value</c>; every sample belongs to a family with a <c># TYPE</c> declared before it; histogram
/// buckets are cumulative and <c>le="+Inf"</c> equals <c>_count</c>. Any violation fails the test.
/// </summary>
internal sealed partial class PrometheusText
{
    private readonly Dictionary<string, string> _types = new(StringComparer.Ordinal);
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _samples = [];

    public static PrometheusText Parse(string text)
    {
        var parsed = new PrometheusText();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || (line.StartsWith('#') && !line.StartsWith("# TYPE ", StringComparison.Ordinal)))
            {
                continue;
            }

            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                Assert.True(parts.Length == 4 && NameRegex().IsMatch(parts[2]), "bad TYPE line: " + line);
                Assert.Contains(parts[3], new[] { "counter", "gauge", "histogram", "summary", "untyped" });
                Assert.True(parsed._types.TryAdd(parts[2], parts[3]), "TYPE declared twice: " + line);
                continue;
            }

            var match = SampleRegex().Match(line);
            Assert.True(match.Success, "not a sample line: " + line);
            var name = match.Groups["name"].Value;
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match label in LabelRegex().Matches(match.Groups["labels"].Value))
            {
                labels.Add(label.Groups["key"].Value, Unescape(label.Groups["value"].Value));
            }

            Assert.True(parsed.FamilyOf(name) is not null, "sample without a TYPE: " + line);
            var value = match.Groups["value"].Value;
            parsed._samples.Add((name, labels, value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                _ => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
            }));
        }

        parsed.CheckHistograms();
        return parsed;
    }

    public string? TypeOf(string family) => _types.GetValueOrDefault(family);

    /// <summary>The sum of the samples named <paramref name="name"/> whose labels include <paramref name="labels"/>.</summary>
    public double Sum(string name, params (string Key, string Value)[] labels) =>
        _samples.Where(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Key) == l.Value)).Sum(s => s.Value);

    public bool Has(string name) => _samples.Any(s => s.Name == name);

    private string? FamilyOf(string sample)
    {
        if (_types.ContainsKey(sample))
        {
            return sample;
        }

        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (sample.EndsWith(suffix, StringComparison.Ordinal) && _types.GetValueOrDefault(sample[..^suffix.Length]) == "histogram")
            {
                return sample[..^suffix.Length];
            }
        }

        return null;
    }

    private void CheckHistograms()
    {
        foreach (var family in _types.Where(t => t.Value == "histogram").Select(t => t.Key))
        {
            var series = _samples.Where(s => s.Name == family + "_bucket")
                .GroupBy(s => string.Join(",", s.Labels.Where(l => l.Key != "le").OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value)));
            foreach (var buckets in series)
            {
                var previous = -1d;
                var previousCount = 0d;
                foreach (var bucket in buckets)
                {
                    var le = bucket.Labels["le"] == "+Inf" ? double.PositiveInfinity : double.Parse(bucket.Labels["le"], CultureInfo.InvariantCulture);
                    Assert.True(le > previous, $"{family} buckets not in increasing order");
                    Assert.True(bucket.Value >= previousCount, $"{family} buckets not cumulative");
                    previous = le;
                    previousCount = bucket.Value;
                }

                Assert.True(double.IsPositiveInfinity(previous), $"{family} has no +Inf bucket");
                var count = _samples.Single(s => s.Name == family + "_count"
                    && string.Join(",", s.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value)) == buckets.Key);
                Assert.Equal(count.Value, previousCount);
            }
        }
    }

    private static string Unescape(string value) =>
        EscapeRegex().Replace(value, m => m.Value[1] switch { 'n' => "\n", var c => c.ToString() });

    [GeneratedRegex(@"^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex NameRegex();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>([a-zA-Z_][a-zA-Z0-9_]*=""([^""\\\n]|\\[\\""n])*"",?)*)\})? (?<value>[-+]?([0-9.eE+-]+|Inf|NaN))$")]
    private static partial Regex SampleRegex();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>([^""\\\n]|\\[\\""n])*)""")]
    private static partial Regex LabelRegex();

    [GeneratedRegex(@"\\[\\""n]")]
    private static partial Regex EscapeRegex();
}
