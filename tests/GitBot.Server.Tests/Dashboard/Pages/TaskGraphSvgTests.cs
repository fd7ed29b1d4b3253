using System.Globalization;
using System.Text.RegularExpressions;
using GitBot.Core.Plans;
using GitBot.Server.Dashboard.Pages;

namespace GitBot.Server.Tests.Dashboard.Pages;

/// <summary>The task graph's edges: neighbouring layers are joined directly; an edge that skips a layer goes around.</summary>
public sealed partial class TaskGraphSvgTests
{
    [Fact]
    public void An_edge_that_skips_a_layer_dips_below_the_node_between_its_ends()
    {
        // 1 → 2 → 3 and 1 → 3: the straight line from 1 to 3 would run through 2.
        var svg = TaskGraphSvg.Render([Task("1"), Task("2", "1"), Task("3", "1", "2")], "Plan");

        var direct = Path(svg, "1", "2");
        var skipping = Path(svg, "1", "3");
        var height = double.Parse(HeightPattern().Match(svg).Groups[1].Value, CultureInfo.InvariantCulture);
        var nodeBottom = Bottom(svg, "2");
        Assert.All(Controls(direct), y => Assert.True(y <= nodeBottom, $"the 1→2 edge leaves its row: {direct}"));
        Assert.All(Controls(skipping), y => Assert.True(y > nodeBottom + 20, $"the 1→3 edge does not dip below task 2 (bottom {nodeBottom}): {skipping}"));
        Assert.True(height > nodeBottom + 24, $"the picture is not tall enough for the dipping edge: {height}");
    }

    private static TaskRecord Task(string id, params string[] dependsOn) =>
        new(1, int.Parse(id, CultureInfo.InvariantCulture), new PlannedTask(id, "Task " + id, "backend", "Do it.", dependsOn, []), TaskState.Pending, 0,
            null, null, 0m, null, null, null, null);

    private static string Path(string svg, string from, string to) =>
        Regex.Match(svg, $"<path class=\"edge\" data-from=\"{from}\" data-to=\"{to}\" d=\"([^\"]+)\"").Groups[1].Value is { Length: > 0 } d
            ? d
            : throw new Xunit.Sdk.XunitException($"no edge {from}→{to} in {svg}");

    /// <summary>The y of the two control points of a path "M x,y C x,y x,y x,y".</summary>
    private static double[] Controls(string path)
    {
        var numbers = NumberPattern().Matches(path).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToArray();
        return [numbers[3], numbers[5]];
    }

    private static double Bottom(string svg, string id)
    {
        var node = Regex.Match(svg, $"data-task-id=\"{id}\"[^>]*transform=\"translate\\(([0-9.]+),([0-9.]+)\\)\">.*?<rect[^>]*height=\"([0-9.]+)\"");
        Assert.True(node.Success, svg);
        return double.Parse(node.Groups[2].Value, CultureInfo.InvariantCulture) + double.Parse(node.Groups[3].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("-?[0-9]+(?:\\.[0-9]+)?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex("<svg id=\"task-graph\"[^>]* height=\"([0-9.]+)\"")]
    private static partial Regex HeightPattern();
}
