using GitBot.Core.Dashboard;

namespace GitBot.Core.Tests.Dashboard;

public sealed class TaskGraphLayoutTests
{
    private static GraphNodeInput N(string id, params string[] deps) => new(id, deps);

    [Fact]
    public void Layers_are_the_longest_dependency_chain()
    {
        var layout = TaskGraphLayout.Layout([N("A"), N("B", "A"), N("C", "A"), N("D", "B", "C"), N("E", "A", "D")]);

        var layers = layout.Nodes.ToDictionary(n => n.Id, n => n.Layer);
        Assert.Equal(new Dictionary<string, int> { ["A"] = 0, ["B"] = 1, ["C"] = 1, ["D"] = 2, ["E"] = 3 }, layers);
    }

    [Fact]
    public void Every_edge_points_rightwards_from_dependency_to_dependent()
    {
        var layout = TaskGraphLayout.Layout([N("A"), N("B", "A"), N("C", "A"), N("D", "B", "C")]);

        Assert.Equal(4, layout.Edges.Count);
        Assert.Contains(layout.Edges, e => e.From == "A" && e.To == "B");
        Assert.Contains(layout.Edges, e => e.From == "C" && e.To == "D");
        Assert.All(layout.Edges, e => Assert.True(e.X2 > e.X1, $"{e.From}->{e.To} goes left"));
    }

    [Fact]
    public void Nodes_in_a_layer_do_not_overlap_and_fit_the_drawing()
    {
        var layout = TaskGraphLayout.Layout([N("A"), N("B"), N("C"), N("D", "A"), N("E", "C")]);

        foreach (var a in layout.Nodes)
        {
            Assert.True(a.X + a.Width <= layout.Width && a.Y + a.Height <= layout.Height, $"{a.Id} is outside");
            foreach (var b in layout.Nodes.Where(b => b.Id != a.Id))
            {
                var overlap = a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;
                Assert.False(overlap, $"{a.Id} overlaps {b.Id}");
            }
        }
    }

    [Fact]
    public void A_dependent_is_placed_next_to_its_dependency_row()
    {
        // E depends on C (row 2 of layer 0), D on A (row 0): D comes before E in layer 1.
        var layout = TaskGraphLayout.Layout([N("E", "C"), N("D", "A"), N("A"), N("B"), N("C")]);

        var rows = layout.Nodes.ToDictionary(n => n.Id, n => n.Row);
        Assert.Equal(0, rows["A"]);
        Assert.Equal(2, rows["C"]);
        Assert.True(rows["D"] < rows["E"]);
    }

    [Fact]
    public void Unknown_dependencies_self_references_and_duplicates_are_ignored()
    {
        var layout = TaskGraphLayout.Layout([N("A", "missing", "A"), N("B", "A"), N("A", "B")]);

        Assert.Equal(["A", "B"], layout.Nodes.Select(n => n.Id));
        Assert.Equal(0, layout.Nodes[0].Layer);
        Assert.Single(layout.Edges);
    }

    [Fact]
    public void A_cycle_terminates_with_capped_layers()
    {
        var layout = TaskGraphLayout.Layout([N("A", "B"), N("B", "A")]);

        Assert.Equal(2, layout.Nodes.Count);
        Assert.All(layout.Nodes, n => Assert.InRange(n.Layer, 0, 1));
    }

    [Fact]
    public void An_empty_graph_has_only_margins()
    {
        var layout = TaskGraphLayout.Layout([]);

        Assert.Empty(layout.Nodes);
        Assert.Equal(2 * TaskGraphLayout.Margin, layout.Width);
    }
}
