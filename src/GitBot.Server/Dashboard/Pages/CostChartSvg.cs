using System.Text;
using GitBot.Core.Dashboard;

namespace GitBot.Server.Dashboard.Pages;

/// <summary>
/// A horizontal SVG bar chart (readable on a narrow screen however many bars) with a <c>title</c> per bar, and the same
/// figures as a table for screen readers and for anyone who prefers numbers.
/// </summary>
public static class CostChartSvg
{
    private const double LabelWidth = 170;
    private const double BarArea = 300;
    private const double RowHeight = 22;
    private const double ValueWidth = 90;

    /// <summary>A <c>figure</c> with id <paramref name="id"/>: caption, chart, data table.</summary>
    public static string Render(string id, string caption, string labelHeader, IReadOnlyList<CostPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var lengths = BarChartScale.Lengths([.. points.Select(p => p.CostUsd)], BarArea);
        var height = Math.Max(1, points.Count) * RowHeight;
        var width = LabelWidth + BarArea + ValueWidth;
        var total = points.Sum(p => p.CostUsd);
        var html = new StringBuilder(600 + (points.Count * 400));
        html.Append("<figure id=\"").Append(Html.E(id)).Append("\"><figcaption>").Append(Html.E(caption)).Append("</figcaption>")
            .Append("<svg role=\"img\" aria-label=\"").Append(Html.E($"{caption}: {points.Count} bars, total {DashboardFormat.Money(total)}"))
            .Append("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(Html.N(width)).Append(' ').Append(Html.N(height))
            .Append("\" width=\"").Append(Html.N(width)).Append("\" height=\"").Append(Html.N(height)).Append("\">");
        if (points.Count == 0)
        {
            html.Append("<text x=\"0\" y=\"16\">No spend recorded.</text>");
        }

        for (var i = 0; i < points.Count; i++)
        {
            var y = i * RowHeight;
            var point = points[i];
            var money = DashboardFormat.Money(point.CostUsd);
            html.Append("<g><title>").Append(Html.E($"{point.Label}: {money}")).Append("</title>")
                .Append("<text x=\"0\" y=\"").Append(Html.N(y + 15)).Append("\">").Append(Html.E(Shorten(point.Label))).Append("</text>")
                .Append("<rect class=\"bar\" x=\"").Append(Html.N(LabelWidth)).Append("\" y=\"").Append(Html.N(y + 4))
                .Append("\" width=\"").Append(Html.N(lengths[i])).Append("\" height=\"").Append(Html.N(RowHeight - 8)).Append("\"/>")
                .Append("<text x=\"").Append(Html.N(LabelWidth + lengths[i] + 6)).Append("\" y=\"").Append(Html.N(y + 15)).Append("\">")
                .Append(Html.E(money)).Append("</text></g>");
        }

        html.Append("</svg><details><summary>Data table</summary>");
        var rows = new StringBuilder();
        foreach (var point in points)
        {
            rows.Append("<tr><td>").Append(Html.E(point.Label)).Append("</td><td class=\"num\">").Append(Html.E(DashboardFormat.Money(point.CostUsd))).Append("</td></tr>");
        }

        html.Append(Html.Table(id + "-data", caption, [labelHeader, "Cost (USD)"], rows.ToString()));
        return html.Append("</details></figure>").ToString();
    }

    private static string Shorten(string text) => text.Length <= 22 ? text : text[..21] + "…";
}
