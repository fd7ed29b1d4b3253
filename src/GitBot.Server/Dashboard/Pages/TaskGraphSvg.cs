using System.Text;
using GitBot.Core.Dashboard;
using GitBot.Core.Plans;

namespace GitBot.Server.Dashboard.Pages;

/// <summary>
/// The task graph as inline SVG, laid out by <see cref="TaskGraphLayout"/>: one <c>g.task-node</c> per task (state in
/// <c>data-state</c>, in a <c>state-…</c> class for colour, and in words in its text and <c>title</c>), one
/// <c>path.edge</c> with an arrowhead per dependency, and a legend of the states.
/// </summary>
public static class TaskGraphSvg
{
    private const int TitleChars = 26;

    /// <summary>The SVG and its legend.</summary>
    public static string Render(IReadOnlyList<TaskRecord> tasks, string caption)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var layout = TaskGraphLayout.Layout([.. tasks.Select(t => new GraphNodeInput(t.Id, t.Definition.DependsOn))]);
        var byId = tasks.GroupBy(t => t.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var counts = string.Join(", ", tasks.GroupBy(t => t.State).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Words(g.Key)}"));
        var label = $"{caption}: {tasks.Count} task{(tasks.Count == 1 ? "" : "s")}" + (counts.Length > 0 ? ", " + counts : "");
        var edges = new StringBuilder(tasks.Count * 200);
        var height = layout.Height;
        foreach (var edge in layout.Edges)
        {
            edges.Append("<path class=\"edge\" data-from=\"").Append(Html.E(edge.From)).Append("\" data-to=\"").Append(Html.E(edge.To))
                .Append("\" d=\"").Append(EdgePath(edge, layout.Nodes, ref height)).Append("\" marker-end=\"url(#arrow)\"/>");
        }

        var svg = new StringBuilder(1000 + (tasks.Count * 600));
        svg.Append("<svg id=\"task-graph\" role=\"img\" aria-label=\"").Append(Html.E(label)).Append("\" xmlns=\"http://www.w3.org/2000/svg\" ")
            .Append("viewBox=\"0 0 ").Append(Html.N(layout.Width)).Append(' ').Append(Html.N(height))
            .Append("\" width=\"").Append(Html.N(layout.Width)).Append("\" height=\"").Append(Html.N(height)).Append("\">")
            .Append("<title>").Append(Html.E(label)).Append("</title>")
            .Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\">")
            .Append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#4d4d4d\"/></marker></defs>")
            .Append(edges);
        foreach (var node in layout.Nodes)
        {
            var task = byId[node.Id];
            var state = task.State.ToString();
            svg.Append("<g class=\"task-node\" data-task-id=\"").Append(Html.E(task.Id)).Append("\" data-state=\"").Append(state)
                .Append("\" transform=\"translate(").Append(Html.N(node.X)).Append(',').Append(Html.N(node.Y)).Append(")\">")
                .Append("<title>").Append(Html.E($"Task {task.Id}: {task.Definition.Title} ({Words(task.State)}, role {task.Definition.Role})")).Append("</title>")
                .Append("<rect class=\"state-").Append(state).Append("\" width=\"").Append(Html.N(node.Width)).Append("\" height=\"").Append(Html.N(node.Height)).Append("\" rx=\"6\"/>")
                .Append("<text x=\"10\" y=\"22\" font-weight=\"600\">").Append(Html.E(Shorten(task.Id, 12))).Append(" · ").Append(Words(task.State)).Append("</text>")
                .Append("<text x=\"10\" y=\"46\">").Append(Html.E(Shorten(task.Definition.Title, TitleChars))).Append("</text></g>");
        }

        svg.Append("</svg>");
        return svg.Append(Legend()).ToString();
    }

    /// <summary>
    /// An edge's path: an S-curve between neighbouring layers; an edge that skips layers and would pass through a node
    /// between its ends dips below those nodes instead, so it stays visible (<paramref name="height"/> grows to fit).
    /// </summary>
    private static string EdgePath(GraphEdgePlacement edge, IReadOnlyList<GraphNodePlacement> nodes, ref double height)
    {
        var top = Math.Min(edge.Y1, edge.Y2) - 4;
        var bottom = Math.Max(edge.Y1, edge.Y2) + 4;
        var blocking = nodes.Where(n => n.X > edge.X1 && n.X + n.Width < edge.X2 && n.Y < bottom && n.Y + n.Height > top).ToList();
        if (blocking.Count == 0)
        {
            var middle = (edge.X1 + edge.X2) / 2;
            return $"M{Html.N(edge.X1)},{Html.N(edge.Y1)} C{Html.N(middle)},{Html.N(edge.Y1)} {Html.N(middle)},{Html.N(edge.Y2)} {Html.N(edge.X2 - 2)},{Html.N(edge.Y2)}";
        }

        // A cubic whose control points sit at depth d reaches about 3/4 of d, so aim the controls a third below the
        // blocking nodes' bottom edge plus a margin wide enough to clear their corners too.
        var clear = blocking.Max(n => n.Y + n.Height) + 24;
        var control = Math.Max(edge.Y1, edge.Y2) + ((clear - Math.Max(edge.Y1, edge.Y2)) * 4 / 3);
        height = Math.Max(height, Math.Ceiling(clear + 12));
        return $"M{Html.N(edge.X1)},{Html.N(edge.Y1)} C{Html.N(edge.X1 + 40)},{Html.N(control)} {Html.N(edge.X2 - 40)},{Html.N(control)} {Html.N(edge.X2 - 2)},{Html.N(edge.Y2)}";
    }

    /// <summary>A state in words (<c>NeedsHuman</c> → <c>needs human</c>).</summary>
    public static string Words(TaskState state) => state == TaskState.NeedsHuman ? "needs human" : state.ToString().ToLowerInvariant();

    private static string Legend()
    {
        var legend = new StringBuilder("<ul class=\"legend\" aria-label=\"Task states\">");
        foreach (var state in Enum.GetValues<TaskState>())
        {
            legend.Append("<li><span class=\"swatch state-").Append(state).Append("\" aria-hidden=\"true\"></span>").Append(Words(state)).Append("</li>");
        }

        return legend.Append("</ul>").ToString();
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
