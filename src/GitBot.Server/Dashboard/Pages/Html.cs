using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace GitBot.Server.Dashboard.Pages;

/// <summary>
/// The dashboard's HTML shell and encoding. Every value that comes from data goes through <see cref="E(string?)"/>;
/// the page is readable on a phone (viewport, fluid widths, scrolling tables) and keeps text contrast at or above
/// 4.5:1 (dark text on light backgrounds everywhere, states told in words as well as colour).
/// </summary>
public static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    /// <summary>HTML-encodes text for element content and quoted attribute values.</summary>
    public static string E(string? text) => text is null ? string.Empty : Encoder.Encode(text);

    /// <summary>A number for an attribute or SVG coordinate, invariantly.</summary>
    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A whole page: <paramref name="main"/> is trusted HTML built with <see cref="E(string?)"/>.</summary>
    public static string Page(string title, string main, string? signedInAs, string? script = null)
    {
        var html = new StringBuilder(main.Length + 6000);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append(" · GitBot</title><style>").Append(DashboardCss.Text).Append("</style></head>\n<body>")
            .Append("<a class=\"skip\" href=\"#main\">Skip to main content</a>")
            .Append("<header><nav aria-label=\"Site\"><a href=\"/\">GitBot dashboard</a></nav>");
        if (signedInAs is not null)
        {
            html.Append("<p class=\"who\">Signed in as ").Append(E(signedInAs)).Append("</p>");
        }

        html.Append("</header>\n<main id=\"main\" tabindex=\"-1\">").Append(main).Append("</main>\n");
        if (script is not null)
        {
            html.Append("<script>").Append(script).Append("</script>");
        }

        return html.Append("</body></html>\n").ToString();
    }

    /// <summary>A table with a caption and column headers (<c>scope="col"</c>), wrapped so it scrolls sideways on a phone.</summary>
    public static string Table(string id, string caption, IReadOnlyList<string> headers, string rows)
    {
        var html = new StringBuilder(rows.Length + 400);
        html.Append("<div class=\"scroll\"><table id=\"").Append(E(id)).Append("\"><caption>").Append(E(caption)).Append("</caption><thead><tr>");
        foreach (var header in headers)
        {
            html.Append("<th scope=\"col\">").Append(E(header)).Append("</th>");
        }

        return html.Append("</tr></thead><tbody>").Append(rows).Append("</tbody></table></div>").ToString();
    }

    /// <summary>A URL path segment for "owner/name": both parts escaped.</summary>
    public static string RepoPath(string repository)
    {
        var slash = repository.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? "/repos/" + Uri.EscapeDataString(repository)
            : "/repos/" + Uri.EscapeDataString(repository[..slash]) + "/" + Uri.EscapeDataString(repository[(slash + 1)..]);
    }
}
