using GitBot.Core.Dashboard;
using GitBot.Core.Scheduling;
using GitBot.Server.Dashboard.Access;
using GitBot.Server.Dashboard.Pages;

namespace GitBot.Server.Dashboard;

/// <summary>The HTML pages.</summary>
internal sealed class DashboardHandlers(
    DashboardAccess access,
    IDashboardQueries queries,
    IClusterStatusStore? cluster,
    DashboardPageOptions options,
    TimeProvider time,
    string gitHubWebUrl,
    ILogger logger)
{
    public async Task<IResult> HomeAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, cancellationToken) is not { } viewer)
        {
            return DashboardEndpoints.HtmlPage(HomePage.SignIn());
        }

        var filter = Filter(viewer);
        var repositories = await queries.ListRepositoriesAsync(filter, cancellationToken);
        var costs = await queries.GetCostsAsync(filter, time.GetUtcNow(), DashboardEndpoints.CostDays, cancellationToken);
        ClusterStatus? status = null;
        if (cluster is not null)
        {
            try
            {
                status = await cluster.GetAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                // The rest of the page is still worth showing; the panel says the status is not available.
                DashboardEndpoints.LogClusterStatusFailed(logger, ex);
            }
        }

        return DashboardEndpoints.HtmlPage(HomePage.Render(viewer.Login, repositories, status, costs));
    }

    public async Task<IResult> RepositoryAsync(HttpContext context, string owner, string name, int? page, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, cancellationToken) is not { } viewer)
        {
            return Results.Redirect(DashboardEndpoints.SignInRedirect(context.Request));
        }

        if (await FindRepositoryAsync(viewer, $"{owner}/{name}", queries, cancellationToken) is not { } repository)
        {
            return DashboardEndpoints.NotFoundPage(viewer.Login);
        }

        var issues = await queries.ListIssuesAsync(repository, page ?? 1, options.IssuesPerPage, cancellationToken);
        return DashboardEndpoints.HtmlPage(RepositoryPage.Render(viewer.Login, repository, issues, gitHubWebUrl));
    }

    public async Task<IResult> IssueAsync(HttpContext context, string owner, string name, int number, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, cancellationToken) is not { } viewer)
        {
            return Results.Redirect(DashboardEndpoints.SignInRedirect(context.Request));
        }

        if (await FindRepositoryAsync(viewer, $"{owner}/{name}", queries, cancellationToken) is not { } repository)
        {
            return DashboardEndpoints.NotFoundPage(viewer.Login);
        }

        var detail = await queries.GetIssueAsync(repository, number, options.RunsPerIssue, cancellationToken);
        if (detail.Plan is null && detail.Runs.Count == 0)
        {
            return DashboardEndpoints.NotFoundPage(viewer.Login);
        }

        return DashboardEndpoints.HtmlPage(IssuePage.Render(viewer.Login, detail, time.GetUtcNow()));
    }

    public async Task<IResult> RunAsync(HttpContext context, long id, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, cancellationToken) is not { } viewer)
        {
            return Results.Redirect(DashboardEndpoints.SignInRedirect(context.Request));
        }

        var run = await queries.GetRunAsync(id, cancellationToken);
        return run is null || !viewer.CanSee(run.Subject.Repository)
            ? DashboardEndpoints.NotFoundPage(viewer.Login)
            : DashboardEndpoints.HtmlPage(RunPage.Render(viewer.Login, run, time.GetUtcNow()));
    }

    /// <summary>
    /// The repository as stored (its spelling), when the viewer may see it and GitBot knows it; null answers 404 for
    /// both, so a repository's existence cannot be probed.
    /// </summary>
    internal static async Task<string?> FindRepositoryAsync(DashboardViewer viewer, string repository, IDashboardQueries queries, CancellationToken cancellationToken)
    {
        if (!viewer.CanSee(repository))
        {
            return null;
        }

        var found = await queries.ListRepositoriesAsync([repository], cancellationToken);
        return found.Count == 0 ? null : found[0].Repository;
    }

    private static string[]? Filter(DashboardViewer viewer) => viewer.IsAdmin ? null : [.. viewer.Repositories];
}
