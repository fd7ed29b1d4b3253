namespace GitBot.GitHub.Http;

/// <summary>Parses RFC 8288 <c>Link</c> headers as GitHub sends them: <c>&lt;url&gt;; rel="next", &lt;url&gt;; rel="last"</c>.</summary>
public static class LinkHeaderParser
{
    /// <summary>The URL of each relation, keyed by <c>rel</c> (a link with several space-separated rels appears under each).</summary>
    public static IReadOnlyDictionary<string, Uri> Parse(string? header)
    {
        var links = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(header))
        {
            return links;
        }

        var position = 0;
        while (position < header.Length)
        {
            var open = header.IndexOf('<', position);
            if (open < 0)
            {
                break;
            }

            var close = header.IndexOf('>', open + 1);
            if (close < 0)
            {
                break;
            }

            var url = header[(open + 1)..close];
            // Parameters run to the next link: a '<' cannot appear in them outside a quoted value GitHub never sends.
            var end = header.IndexOf('<', close + 1);
            var parameters = end < 0 ? header[(close + 1)..] : header[(close + 1)..end];
            position = end < 0 ? header.Length : end;

            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                continue;
            }

            foreach (var parameter in parameters.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = parameter.IndexOf('=', StringComparison.Ordinal);
                if (equals < 0 || !parameter[..equals].Trim().Equals("rel", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var rels = parameter[(equals + 1)..].Trim().Trim(',').Trim().Trim('"');
                foreach (var rel in rels.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    links.TryAdd(rel, uri);
                }
            }
        }

        return links;
    }

    /// <summary>The <c>rel="next"</c> URL, or null on the last page.</summary>
    public static Uri? FindNext(string? header) => Parse(header).TryGetValue("next", out var next) ? next : null;
}
