using System.Net;
using System.Text;

namespace GitBot.Cli.Setup;

/// <summary>The HTML of the setup listener's pages. Every value from outside is HTML-encoded.</summary>
internal static class SetupPage
{
    /// <summary>The form that posts the manifest to GitHub; it submits itself, and has a button for browsers without scripts.</summary>
    public static string Form(Uri action, string manifestJson) => Page("Create the GitBot GitHub App",
        $"""
        <p>GitHub will ask you to confirm the App's name, then send you back here.</p>
        <form method="post" action="{WebUtility.HtmlEncode(action.AbsoluteUri)}">
        <input type="hidden" name="manifest" value="{WebUtility.HtmlEncode(manifestJson)}">
        <button type="submit">Create the GitHub App on GitHub</button>
        </form>
        <script>document.forms[0].submit();</script>
        """);

    public static string Done(SetupOutcome outcome) => Page("GitBot App created",
        $"<p>The App <a href=\"{WebUtility.HtmlEncode(outcome.HtmlUrl ?? string.Empty)}\">{WebUtility.HtmlEncode(outcome.AppName ?? string.Empty)}</a> " +
        "exists and its credentials are in GitBot's configuration. Next, install it on your repositories; the terminal says how.</p>");

    public static string Error(string message) => Page("GitBot setup failed", $"<p>{WebUtility.HtmlEncode(message)}</p>");

    public static byte[] Bytes(string html) => Encoding.UTF8.GetBytes(html);

    private static string Page(string title, string body) =>
        $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>";
}
