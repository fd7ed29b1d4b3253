using System.Net;

namespace GitBot.Simulator.Http;

/// <summary>An HTTP request as the simulator saw it: method, raw path split into decoded segments, query, headers, body.</summary>
internal sealed record SimRequest(
    string Method,
    string Path,
    IReadOnlyList<string> Segments,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body)
{
    public static async Task<SimRequest> ReadAsync(HttpListenerRequest request, CancellationToken cancellationToken)
    {
        var raw = request.RawUrl ?? "/";
        var queryStart = raw.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? raw : raw[..queryStart];
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        if (queryStart >= 0)
        {
            foreach (var pair in raw[(queryStart + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var key = Uri.UnescapeDataString((eq < 0 ? pair : pair[..eq]).Replace('+', ' '));
                query[key] = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            }
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in request.Headers.AllKeys)
        {
            if (name is not null)
            {
                headers[name] = request.Headers[name] ?? string.Empty;
            }
        }

        using var buffer = new MemoryStream();
        await request.InputStream.CopyToAsync(buffer, cancellationToken);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        return new SimRequest(request.HttpMethod.ToUpperInvariant(), path, segments, query, headers, buffer.ToArray());
    }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
