namespace GitBot.Server.Dashboard;

/// <summary>
/// Configuration section <c>Dashboard</c>. The GitHub OAuth client used for sign-in is configured in the <c>GitHub</c>
/// section (<c>ClientId</c>, <c>ClientSecret</c>, <c>WebUrl</c>).
/// </summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>
    /// A bearer token for headless use (<c>Authorization: Bearer …</c>) that sees every repository. Null or empty
    /// disables it. Treat it like a password.
    /// </summary>
    public string? AdminToken { get; set; }

    /// <summary>How long a sign-in session lasts at most.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How long the repositories captured at sign-in are trusted; after that the session is not honoured and the user
    /// passes through GitHub again (which answers at once for an app already authorised), re-reading their access.
    /// </summary>
    public TimeSpan AccessRefresh { get; set; } = TimeSpan.FromMinutes(15);
}
