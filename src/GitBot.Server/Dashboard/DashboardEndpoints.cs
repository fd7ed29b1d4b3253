using GitBot.Core.Dashboard;
using GitBot.Core.Scheduling;
using GitBot.GitHub;
using GitBot.Server.Dashboard.Access;
using Microsoft.Extensions.Options;

namespace GitBot.Server.Dashboard;

/// <summary>
/// The dashboard's pages, event streams and logs (every route of the dashboard contract but <c>/auth/*</c>).
/// Guarantees: an anonymous request gets the sign-in page on <c>/</c>, a redirect to sign-in on other pages and 401 on
/// event streams and logs; a repository the viewer cannot see answers 404 exactly like one that does not exist; a
/// run's repository decides who may see the run and its log; every value in a page is HTML-encoded.
/// </summary>
public static partial class DashboardEndpoints
{
    /// <summary>Costs cover this many UTC days, today included.</summary>
    public const int CostDays = 30;

    /// <summary>Maps the routes (not in setup mode).</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var handlers = new DashboardHandlers(
            app.Services.GetRequiredService<DashboardAccess>(),
            app.Services.GetRequiredService<IDashboardQueries>(),
            app.Services.GetService<IClusterStatusStore>(),
            app.Services.GetRequiredService<IOptions<DashboardPageOptions>>().Value,
            app.Services.GetRequiredService<TimeProvider>(),
            (app.Configuration.GetSection(GitHubOptions.SectionName).Get<GitHubOptions>() ?? new GitHubOptions()).WebUrl,
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DashboardEndpoints).FullName!));
        var events = new DashboardEventHandlers(
            app.Services.GetRequiredService<DashboardAccess>(),
            app.Services.GetRequiredService<IDashboardQueries>(),
            app.Services.GetRequiredService<LiveIssueBroadcaster>(),
            app.Services.GetRequiredService<RunLogStreamer>(),
            app.Services.GetRequiredService<IOptions<DashboardPageOptions>>().Value,
            app.Services.GetRequiredService<TimeProvider>(),
            app.Lifetime);
        app.MapGet("/", handlers.HomeAsync);
        app.MapGet("/repos/{owner}/{name}", handlers.RepositoryAsync);
        app.MapGet("/repos/{owner}/{name}/issues/{number:int}", handlers.IssueAsync);
        app.MapGet("/repos/{owner}/{name}/issues/{number:int}/events", events.IssueEventsAsync);
        app.MapGet("/runs/{id:long}", handlers.RunAsync);
        app.MapGet("/runs/{id:long}/log", events.LogAsync);
        app.MapGet("/runs/{id:long}/log/events", events.LogEventsAsync);
    }

    /// <summary>Where an anonymous page request is sent: sign-in, returning here.</summary>
    internal static string SignInRedirect(HttpRequest request) =>
        "/auth/login?returnUrl=" + Uri.EscapeDataString(request.Path.Value + request.QueryString.Value);

    internal static IResult HtmlPage(string html) => Results.Content(html, "text/html; charset=utf-8");

    /// <summary>
    /// 404 with a short page that does not say which of "does not exist" and "you may not see it" holds, so neither can
    /// be probed; a browser shows it instead of its own error page.
    /// </summary>
    internal static IResult NotFoundPage(string login) => Results.Content(
        Pages.Html.Page(
            "Not found",
            "<h1>Not found</h1><p>There is nothing here, or nothing you can see. Repositories appear on the dashboard when your " +
            "GitHub account can reach them through the GitBot App's installations.</p><p><a href=\"/\">Back to the dashboard</a></p>",
            login),
        "text/html; charset=utf-8",
        statusCode: StatusCodes.Status404NotFound);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cluster status could not be read for the dashboard")]
    internal static partial void LogClusterStatusFailed(ILogger logger, Exception exception);
}
