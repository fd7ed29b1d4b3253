namespace GitBot.Server.Dashboard;

/// <summary>Configuration section <c>Dashboard</c>: the pages' own settings (sign-in settings are in <see cref="DashboardOptions"/>).</summary>
public sealed class DashboardPageOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>How often a watched issue's fingerprint is polled (once per issue, however many viewers watch it).</summary>
    public TimeSpan LivePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a followed log file is read for new bytes.</summary>
    public TimeSpan LogPollInterval { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How often an idle event stream sends a keep-alive comment (proxies close silent connections).</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Issues per page of a repository.</summary>
    public int IssuesPerPage { get; set; } = 100;

    /// <summary>The most runs the issue page lists (newest first).</summary>
    public int RunsPerIssue { get; set; } = 200;
}
