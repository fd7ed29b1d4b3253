using System.Globalization;
using System.Text;

namespace GitBot.Simulator.Http;

/// <summary>GitHub's page-number pagination: <c>per_page</c> (default 30, at most 100), <c>page</c>, and a <c>Link</c> header.</summary>
internal static class Pagination
{
    public static (IReadOnlyList<T> Page, string? Link) Slice<T>(SimRequest request, string apiBase, IReadOnlyList<T> all)
    {
        var perPage = Math.Clamp(Int(request, "per_page", 30), 1, 100);
        var page = Math.Max(1, Int(request, "page", 1));
        var last = Math.Max(1, (all.Count + perPage - 1) / perPage);
        var slice = all.Skip((page - 1) * perPage).Take(perPage).ToList();
        var links = new List<string>();
        if (page < last)
        {
            links.Add($"<{Url(request, apiBase, page + 1, perPage)}>; rel=\"next\"");
            links.Add($"<{Url(request, apiBase, last, perPage)}>; rel=\"last\"");
        }

        if (page > 1)
        {
            links.Add($"<{Url(request, apiBase, 1, perPage)}>; rel=\"first\"");
            links.Add($"<{Url(request, apiBase, Math.Min(page - 1, last), perPage)}>; rel=\"prev\"");
        }

        return (slice, links.Count == 0 ? null : string.Join(", ", links));
    }

    /// <summary>The request's URL with some query parameters replaced (others kept, in order).</summary>
    public static string Url(SimRequest request, string apiBase, IReadOnlyDictionary<string, string> replace)
    {
        var builder = new StringBuilder(apiBase.TrimEnd('/')).Append(request.Path);
        var query = request.Query.Where(q => !replace.ContainsKey(q.Key)).Concat(replace).ToList();
        for (var i = 0; i < query.Count; i++)
        {
            builder.Append(i == 0 ? '?' : '&').Append(Uri.EscapeDataString(query[i].Key)).Append('=')
                .Append(Uri.EscapeDataString(query[i].Value));
        }

        return builder.ToString();
    }

    private static string Url(SimRequest request, string apiBase, int page, int perPage) =>
        Url(request, apiBase, new Dictionary<string, string>
        {
            ["page"] = page.ToString(CultureInfo.InvariantCulture),
            ["per_page"] = perPage.ToString(CultureInfo.InvariantCulture),
        });

    private static int Int(SimRequest request, string name, int fallback) =>
        request.Query.TryGetValue(name, out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var value)
            ? value
            : fallback;
}
