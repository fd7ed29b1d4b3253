using System.Text;
using System.Text.Encodings.Web;

namespace GitBot.Server.Setup;

/// <summary>
/// The page served at <c>/</c> while GitBot has no GitHub App configured: how to create the App (webhook URL, secret,
/// permissions, events) and which settings to give GitBot. Rendered on the server; contains no secret.
/// </summary>
public static class SetupPage
{
    /// <summary>Repository permissions the App needs, as named on GitHub's "Register new GitHub App" form.</summary>
    public static readonly IReadOnlyList<(string Permission, string Access, string Why)> Permissions =
    [
        ("Actions", "Read and write", "dispatch workflows and read their runs"),
        ("Checks", "Read and write", "report task and review progress as check runs"),
        ("Commit statuses", "Read and write", "mark head commits with GitBot's verdict"),
        ("Contents", "Read and write", "clone repositories and push agent branches"),
        ("Issues", "Read and write", "read labelled issues, comment, react and label"),
        ("Metadata", "Read-only", "mandatory for every App"),
        ("Pull requests", "Read and write", "open, update, review and (through the human gate) merge PRs"),
    ];

    /// <summary>Webhook events to subscribe to.</summary>
    public static readonly IReadOnlyList<string> Events =
    [
        "issues", "issue_comment", "pull_request", "pull_request_review", "pull_request_review_comment", "check_run",
        "check_suite", "installation", "installation_repositories", "push", "workflow_run",
    ];

    /// <summary>The settings GitBot reads (configuration key, meaning).</summary>
    public static readonly IReadOnlyList<(string Key, string Meaning)> Settings =
    [
        ("GitHub:AppId", "the App ID shown on the App's settings page"),
        ("GitHub:PrivateKeyPath", "path of the private key (.pem) generated on the App's settings page (or GitHub:PrivateKey with its text)"),
        ("GitHub:WebhookSecret", "the webhook secret you entered when creating the App (required once the App is configured)"),
        ("GitHub:PreviousWebhookSecret", "during a secret rotation, the old secret, still accepted until you remove it"),
        ("GitHub:ApiUrl", "only for GitHub Enterprise Server: https://HOST/api/v3/"),
        ("Server:PublicUrl", "the public URL GitHub reaches this server at (shown on this page)"),
        ("DataDirectory", "where the SQLite database lives (default ./data)"),
        ("Database:Provider / Database:ConnectionString", "postgres and its connection string to share one queue between nodes"),
    ];

    public static string Render(string publicUrl)
    {
        var html = HtmlEncoder.Default;
        var webhookUrl = html.Encode(publicUrl.TrimEnd('/') + "/webhooks/github");
        var page = new StringBuilder(4096);
        page.Append("""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>GitBot setup</title>
            <style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
            code{background:#f3f3f3;padding:0 .25rem}table{border-collapse:collapse}td,th{padding:.2rem .8rem;text-align:left;border-bottom:1px solid #ddd}</style>
            </head><body>
            <h1>GitBot is running in setup mode</h1>
            <p>No GitHub App is configured yet, so GitBot accepts no webhooks (they are answered 503 and nothing is stored).
            Create a GitHub App, give GitBot its settings and restart.</p>
            <h2>1. Register a GitHub App</h2>
            <p>On GitHub: <em>Settings → Developer settings → GitHub Apps → New GitHub App</em> (for an organization:
            <em>Organization settings → Developer settings</em>).</p>
            <ul>
            """);
        page.Append("<li>Webhook: active; <strong>Webhook URL</strong> <code>").Append(webhookUrl).Append("</code></li>\n");
        page.Append("""
            <li><strong>Webhook secret</strong>: a long random string, e.g. the output of <code>openssl rand -hex 32</code>.
            GitBot verifies every delivery's <code>X-Hub-Signature-256</code> with it and rejects anything else.</li>
            </ul>
            <h2>2. Repository permissions</h2>
            <table><tr><th>Permission</th><th>Access</th><th>Why</th></tr>
            """);
        foreach (var (permission, access, why) in Permissions)
        {
            page.Append("<tr><td>").Append(permission).Append("</td><td>").Append(access).Append("</td><td>").Append(why).Append("</td></tr>\n");
        }

        page.Append("</table>\n<p>No organization permissions (Members: no access) and no account permissions are needed.</p>\n");
        page.Append("<h2>3. Subscribe to events</h2>\n<p>");
        page.AppendJoin(", ", Events.Select(e => $"<code>{e}</code>"));
        page.Append("""
            </p><p><code>installation</code> and <code>installation_repositories</code> are delivered to every App without subscribing.</p>
            <h2>4. Generate a private key and install the App</h2>
            <p>On the App's page: <em>Generate a private key</em> (a <code>.pem</code> file), then <em>Install App</em> on the
            repositories GitBot should work on.</p>
            <h2>5. Configure GitBot</h2>
            <p>Put the settings in <code>gitbot.json</code> in the working directory (nested objects, e.g.
            <code>{"GitHub": {"AppId": 123}}</code>) or in environment variables prefixed <code>GITBOT_</code> with
            <code>__</code> for <code>:</code> (e.g. <code>GITBOT_GitHub__WebhookSecret</code>), then restart GitBot.
            <code>gitbot doctor</code> checks them.</p>
            <table><tr><th>Setting</th><th>Meaning</th></tr>
            """);
        foreach (var (key, meaning) in Settings)
        {
            page.Append("<tr><td><code>").Append(key).Append("</code></td><td>").Append(meaning).Append("</td></tr>\n");
        }

        page.Append("</table>\n<p>GitBot refuses to start when an App is configured without a webhook secret.</p>\n</body></html>\n");
        return page.ToString();
    }
}
