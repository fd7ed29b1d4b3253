using System.Net;
using GitBot.Server.Dashboard.Pages;

namespace GitBot.Server.Dashboard.Access;

/// <summary>The few plain pages sign-in answers with when it cannot go on.</summary>
internal static class DashboardAuthPages
{
    public static string NotConfigured() => Page("Sign-in is not configured",
        "<p>Sign-in with GitHub needs the App's OAuth client: set <code>GitHub:ClientId</code> and <code>GitHub:ClientSecret</code> " +
        "(environment <code>GitHub__ClientId</code>, <code>GitHub__ClientSecret</code>) and restart GitBot.</p>" +
        "<p>An admin token still works: set <code>Dashboard:AdminToken</code> and send <code>Authorization: Bearer &lt;token&gt;</code>.</p>");

    public static string Failed(string why) => Page("Sign-in failed",
        $"<p>{WebUtility.HtmlEncode(why)}</p><p><a href=\"{DashboardAuthEndpoints.LoginRoute}\">Try again</a></p>");

    /// <summary>The dashboard's own page shell (style sheet, skip link, landmarks), nobody signed in.</summary>
    private static string Page(string title, string body) => Html.Page(title, $"<h1>{WebUtility.HtmlEncode(title)}</h1>{body}", signedInAs: null);
}
