using System.Globalization;

namespace GitBot.Bench;

/// <summary>The figure lines the bench drivers print and their run.sh scripts turn into tables.</summary>
internal static class BenchStats
{
    /// <summary>"RESULT key_median=… key_min=… key_max=… key_p95=… key_n=… key_samples=…" for <paramref name="values"/>.</summary>
    public static string Line(string key, IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        var p95 = sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(0.95 * sorted.Length) - 1)];
        return FormattableString.Invariant(
            $"RESULT {key}_median={median:F1} {key}_min={sorted[0]:F1} {key}_max={sorted[^1]:F1} {key}_p95={p95:F1} {key}_n={sorted.Length} {key}_samples={string.Join(";", values.Select(v => v.ToString("F1", CultureInfo.InvariantCulture)))}");
    }
}
