using System.Net;

namespace GitBot.Simulator.GitHttp;

/// <summary>
/// A git smart-HTTP request as github.com serves them: <c>GET /{owner}/{repo}.git/info/refs?service=…</c> and
/// <c>POST /{owner}/{repo}.git/git-upload-pack|git-receive-pack</c> (the <c>.git</c> suffix is optional, as on GitHub).
/// These are not REST API paths, so they are routed before OpenAPI validation.
/// </summary>
internal sealed record GitHttpRoute(string Owner, string Name, string Rest, string? Service, string Query)
{
    public const string UploadPack = "git-upload-pack";
    public const string ReceivePack = "git-receive-pack";

    public string FullName => $"{Owner}/{Name}";

    public bool IsPush => Service == ReceivePack && Rest == ReceivePack;

    /// <summary>The route, or null when the request is not a git smart-HTTP request (then it is a REST call).</summary>
    public static GitHttpRoute? TryParse(HttpListenerRequest request)
    {
        var raw = request.RawUrl ?? "/";
        var queryStart = raw.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? raw : raw[..queryStart];
        var query = queryStart < 0 ? string.Empty : raw[(queryStart + 1)..];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        if (segments.Length < 3)
        {
            return null;
        }

        var name = segments[1].EndsWith(".git", StringComparison.Ordinal) ? segments[1][..^4] : segments[1];
        var rest = string.Join('/', segments[2..]);
        var method = request.HttpMethod.ToUpperInvariant();
        if (name.Length == 0)
        {
            return null;
        }

        if (rest == "info/refs" && method is "GET" or "HEAD")
        {
            var service = request.QueryString["service"];
            return new GitHttpRoute(segments[0], name, rest, service is UploadPack or ReceivePack ? service : null, query);
        }

        return rest is UploadPack or ReceivePack && method == "POST"
            ? new GitHttpRoute(segments[0], name, rest, rest, query)
            : null;
    }
}
