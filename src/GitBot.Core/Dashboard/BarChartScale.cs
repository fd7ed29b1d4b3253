namespace GitBot.Core.Dashboard;

/// <summary>
/// Scales bar values to lengths: the largest value gets <c>maxLength</c>, the others in proportion. Guarantees: lengths
/// are within [0, maxLength]; zero and negative values get 0; any positive value gets at least <see cref="MinimumVisible"/>
/// (so a small spend is not invisible); all zero gives all 0.
/// </summary>
public static class BarChartScale
{
    /// <summary>The shortest bar drawn for a positive value.</summary>
    public const double MinimumVisible = 1;

    /// <summary>Lengths for <paramref name="values"/>, in order.</summary>
    public static IReadOnlyList<double> Lengths(IReadOnlyList<decimal> values, double maxLength)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        var max = values.Count == 0 ? 0m : values.Max();
        if (max <= 0m)
        {
            return [.. values.Select(_ => 0d)];
        }

        return [.. values.Select(v => v <= 0m ? 0d : Math.Min(maxLength, Math.Max(MinimumVisible, (double)(v / max) * maxLength)))];
    }
}
