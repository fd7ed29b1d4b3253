using System.Collections.Specialized;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Web;

namespace GitBot.Simulator.OAuth;

/// <summary>
/// github.com's OAuth web flow for the App's client. These pages live on github.com, not api.github.com, so they are
/// not in the REST OpenAPI description: they are served at the simulator's root, before the REST pipeline, and are not
/// validated against it. <c>GET /login/oauth/authorize</c> shows "Authorize … as" with one button per simulated person
/// (the person "signs in" by choosing); with <c>login=</c>, or when the form is posted, it redirects to
/// <c>redirect_uri?code=…&amp;state=…</c>. <c>POST /login/oauth/access_token</c> (form or JSON body) exchanges the one-time
/// code for a <c>ghu_</c> user token; failures are 200 with an <c>error</c> field, as GitHub answers them.
/// </summary>
internal static class OAuthPages
{
    public static bool Matches(HttpListenerRequest request) =>
        (request.Url?.AbsolutePath ?? "/") is "/login/oauth/authorize" or "/login/oauth/access_token";

    public static async Task ServeAsync(HttpListenerContext context, SimulatorRuntime runtime, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var fields = HttpUtility.ParseQueryString(request.Url!.Query);
        if (request.HttpMethod == "POST")
        {
            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            Merge(fields, await reader.ReadToEndAsync(cancellationToken), request.ContentType);
        }

        if (request.Url.AbsolutePath == "/login/oauth/access_token")
        {
            await ExchangeAsync(context.Response, runtime.OAuth, fields, Accepts(request, "application/json"), cancellationToken);
            return;
        }

        await AuthorizeAsync(context.Response, runtime, fields, cancellationToken);
    }

    private static async Task AuthorizeAsync(HttpListenerResponse response, SimulatorRuntime runtime, NameValueCollection fields,
        CancellationToken cancellationToken)
    {
        var oauth = runtime.OAuth;
        var redirectUri = fields["redirect_uri"];
        if (fields["client_id"] != oauth.ClientId || !Uri.TryCreate(redirectUri, UriKind.Absolute, out _))
        {
            await WriteHtmlAsync(response, 404, "<h1>Not Found</h1><p>Unknown client_id or no absolute redirect_uri.</p>", cancellationToken);
            return;
        }

        if (fields["login"] is { } login && oauth.IsUser(login))
        {
            var location = new StringBuilder(redirectUri).Append(redirectUri!.Contains('?', StringComparison.Ordinal) ? '&' : '?')
                .Append("code=").Append(Uri.EscapeDataString(oauth.IssueCode(login, redirectUri)));
            if (fields["state"] is { } state)
            {
                location.Append("&state=").Append(Uri.EscapeDataString(state));
            }

            response.RedirectLocation = location.ToString();
            await WriteHtmlAsync(response, 302, "<p>Redirecting.</p>", cancellationToken);
            return;
        }

        var html = new StringBuilder("<h1>Authorize ").Append(WebUtility.HtmlEncode(runtime.App.Name)).Append("</h1>")
            .Append("<form method=\"post\" action=\"/login/oauth/authorize\">");
        foreach (var name in (string[])["client_id", "redirect_uri", "state"])
        {
            html.Append("<input type=\"hidden\" name=\"").Append(name).Append("\" value=\"")
                .Append(WebUtility.HtmlEncode(fields[name] ?? string.Empty)).Append("\">");
        }

        foreach (var user in oauth.Logins)
        {
            var encoded = WebUtility.HtmlEncode(user);
            html.Append("<p><button name=\"login\" value=\"").Append(encoded).Append("\">Authorize ")
                .Append(WebUtility.HtmlEncode(runtime.App.Name)).Append(" as ").Append(encoded).Append("</button></p>");
        }

        await WriteHtmlAsync(response, 200, html.Append("</form>").ToString(), cancellationToken);
    }

    private static async Task ExchangeAsync(HttpListenerResponse response, OAuthStore oauth, NameValueCollection fields, bool json,
        CancellationToken cancellationToken)
    {
        // The code is consumed before the client is checked: a code presented once is spent, whatever happens.
        var login = oauth.Redeem(fields["code"], fields["redirect_uri"]);
        var answer = new JsonObject();
        if (fields["client_id"] != oauth.ClientId || fields["client_secret"] != oauth.ClientSecret)
        {
            answer["error"] = "incorrect_client_credentials";
            answer["error_description"] = "The client_id and/or client_secret passed are incorrect.";
            answer["error_uri"] = "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#incorrect-client-credentials";
        }
        else if (login is null)
        {
            answer["error"] = "bad_verification_code";
            answer["error_description"] = "The code passed is incorrect or expired.";
            answer["error_uri"] = "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code";
        }
        else
        {
            var (token, lifetime) = oauth.IssueToken(login);
            answer["access_token"] = token;
            answer["expires_in"] = (long)lifetime.TotalSeconds;
            answer["token_type"] = "bearer";
            answer["scope"] = string.Empty;
        }

        var body = json
            ? answer.ToJsonString()
            : string.Join('&', answer.Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value!.ToString())));
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = 200;
        response.ContentType = json ? "application/json; charset=utf-8" : "application/x-www-form-urlencoded; charset=utf-8";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes, cancellationToken);
        response.Close();
    }

    private static void Merge(NameValueCollection fields, string body, string? contentType)
    {
        if (contentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            if (JsonNode.Parse(body) is JsonObject json)
            {
                foreach (var (key, value) in json)
                {
                    fields[key] = value?.ToString();
                }
            }

            return;
        }

        fields.Add(HttpUtility.ParseQueryString(body));
    }

    private static bool Accepts(HttpListenerRequest request, string mediaType) =>
        request.AcceptTypes?.Any(t => t.StartsWith(mediaType, StringComparison.OrdinalIgnoreCase)) == true;

    private static async Task WriteHtmlAsync(HttpListenerResponse response, int status, string html, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>" + html + "</body></html>");
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes, cancellationToken);
        response.Close();
    }
}
