using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Web;

namespace GitBot.Simulator.AppManifests;

/// <summary>
/// github.com's "register a GitHub App from a manifest" page: <c>POST /settings/apps/new?state=…</c> (or
/// <c>/organizations/{org}/settings/apps/new</c>) with the form field <c>manifest</c>. On GitHub the user then confirms
/// the App's name; here that confirmation is implied, so the page answers at once with GitHub's redirect to the
/// manifest's <c>redirect_url</c> carrying a one-time <c>code</c> and the caller's <c>state</c>. A GET with the manifest
/// in the query does the same (handy for a browser address bar). A manifest that is not a JSON object with a
/// <c>url</c> and a <c>redirect_url</c> is refused with 422, as GitHub refuses to show the page.
/// </summary>
internal static class AppManifestPages
{
    public static bool Matches(HttpListenerRequest request)
    {
        var segments = (request.Url?.AbsolutePath ?? "/").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments is ["settings", "apps", "new"] or ["organizations", _, "settings", "apps", "new"];
    }

    public static async Task ServeAsync(HttpListenerContext context, SimulatorRuntime runtime, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var response = context.Response;
        var segments = request.Url!.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var query = HttpUtility.ParseQueryString(request.Url.Query);
        var manifestText = query["manifest"];
        if (request.HttpMethod == "POST")
        {
            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            var form = HttpUtility.ParseQueryString(await reader.ReadToEndAsync(cancellationToken));
            manifestText = form["manifest"] ?? manifestText;
        }

        if (Problem(manifestText, out var redirectUrl) is { } problem)
        {
            await WriteAsync(response, 422, $"<h1>Invalid GitHub App manifest</h1><p>{WebUtility.HtmlEncode(problem)}</p>", cancellationToken);
            return;
        }

        var owner = segments[0] == "organizations" ? segments[1] : "simulated-app-owner";
        var code = runtime.Manifests.Issue(manifestText!, owner, runtime.Now);
        var location = new StringBuilder(redirectUrl).Append(redirectUrl!.Contains('?', StringComparison.Ordinal) ? '&' : '?')
            .Append("code=").Append(Uri.EscapeDataString(code));
        if (query["state"] is { } state)
        {
            location.Append("&state=").Append(Uri.EscapeDataString(state));
        }

        response.RedirectLocation = location.ToString();
        await WriteAsync(response, 302, "<p>Redirecting to the App's redirect URL.</p>", cancellationToken);
    }

    private static string? Problem(string? manifestText, out string? redirectUrl)
    {
        redirectUrl = null;
        if (string.IsNullOrWhiteSpace(manifestText))
        {
            return "the form has no manifest field";
        }

        JsonNode? manifest;
        try
        {
            manifest = JsonNode.Parse(manifestText);
        }
        catch (JsonException ex)
        {
            return "the manifest is not JSON: " + ex.Message;
        }

        if (manifest is not JsonObject fields)
        {
            return "the manifest is not a JSON object";
        }

        if (!IsAbsoluteUrl(fields["url"]))
        {
            return "url is required and must be an absolute URL";
        }

        if (!IsAbsoluteUrl(fields["redirect_url"]))
        {
            return "redirect_url must be an absolute URL for the manifest flow to return a code";
        }

        redirectUrl = fields["redirect_url"]!.GetValue<string>();
        return null;
    }

    private static bool IsAbsoluteUrl(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && Uri.TryCreate(text, UriKind.Absolute, out _);

    private static async Task WriteAsync(HttpListenerResponse response, int status, string html, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>" + html + "</body></html>");
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes, cancellationToken);
        response.Close();
    }
}
