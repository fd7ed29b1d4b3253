using GitBot.Core.Dashboard;

namespace GitBot.Core.Tests.Dashboard;

public sealed class BarChartScaleTests
{
    [Fact]
    public void The_largest_value_gets_the_full_length_and_others_are_proportional()
    {
        var lengths = BarChartScale.Lengths([2m, 4m, 1m], 200);

        Assert.Equal([100d, 200d, 50d], lengths);
    }

    [Fact]
    public void Zero_and_negative_values_get_no_bar_and_all_zero_is_all_zero()
    {
        Assert.Equal([0d, 0d], BarChartScale.Lengths([0m, 0m], 100));
        Assert.Equal([0d, 100d], BarChartScale.Lengths([-3m, 5m], 100));
        Assert.Empty(BarChartScale.Lengths([], 100));
    }

    [Fact]
    public void A_tiny_positive_value_stays_visible()
    {
        var lengths = BarChartScale.Lengths([0.0001m, 1000m], 100);

        Assert.Equal(BarChartScale.MinimumVisible, lengths[0]);
    }
}
