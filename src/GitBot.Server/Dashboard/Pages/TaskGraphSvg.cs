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
        var svg = new StringBuilder(1000 + (tasks.Count * 600));
        svg.Append("<svg id=\"task-graph\" role=\"img\" aria-label=\"").Append(Html.E(label)).Append("\" xmlns=\"http://www.w3.org/2000/svg\" ")
            .Append("viewBox=\"0 0 ").Append(Html.N(layout.Width)).Append(' ').Append(Html.N(layout.Height))
            .Append("\" width=\"").Append(Html.N(layout.Width)).Append("\" height=\"").Append(Html.N(layout.Height)).Append("\">")
            .Append("<title>").Append(Html.E(label)).Append("</title>")
            .Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\">")
            .Append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#4d4d4d\"/></marker></defs>");
        foreach (var edge in layout.Edges)
        {
            var middle = (edge.X1 + edge.X2) / 2;
            svg.Append("<path class=\"edge\" data-from=\"").Append(Html.E(edge.From)).Append("\" data-to=\"").Append(Html.E(edge.To))
                .Append("\" d=\"M").Append(Html.N(edge.X1)).Append(',').Append(Html.N(edge.Y1))
                .Append(" C").Append(Html.N(middle)).Append(',').Append(Html.N(edge.Y1)).Append(' ')
                .Append(Html.N(middle)).Append(',').Append(Html.N(edge.Y2)).Append(' ')
                .Append(Html.N(edge.X2 - 2)).Append(',').Append(Html.N(edge.Y2)).Append("\" marker-end=\"url(#arrow)\"/>");
        }

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
