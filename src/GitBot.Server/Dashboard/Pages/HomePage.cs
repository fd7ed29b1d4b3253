using System.Text;
using GitBot.Core.Dashboard;
using GitBot.Core.Scheduling;

namespace GitBot.Server.Dashboard.Pages;

/// <summary>The home page: the viewer's repositories, the system panel and the cost charts; and the sign-in page.</summary>
public static class HomePage
{
    /// <summary>What an anonymous visitor sees: a sign-in link and no data.</summary>
    public static string SignIn() => Html.Page(
        "Sign in",
        "<h1>GitBot dashboard</h1><p>Sign in to see the repositories you have access to.</p>" +
        "<p><a id=\"sign-in\" href=\"/auth/login\">Sign in with GitHub</a></p>",
        null);

    /// <summary>The home page. <paramref name="cluster"/> is null when the cluster status is not available.</summary>
    public static string Render(string viewer, IReadOnlyList<RepositorySummary> repositories, ClusterStatus? cluster, CostReport costs)
    {
        ArgumentNullException.ThrowIfNull(repositories);
        ArgumentNullException.ThrowIfNull(costs);
        var main = new StringBuilder();
        main.Append("<h1>GitBot dashboard</h1><section aria-labelledby=\"repositories-heading\"><h2 id=\"repositories-heading\">Repositories</h2>");
        var rows = new StringBuilder();
        foreach (var repo in repositories)
        {
            rows.Append("<tr data-repo=\"").Append(Html.E(repo.Repository)).Append("\"><td><a href=\"").Append(Html.E(Html.RepoPath(repo.Repository))).Append("\">")
                .Append(Html.E(repo.Repository)).Append("</a></td><td class=\"num\">").Append(repo.ActivePlans).Append("</td><td class=\"num\">")
                .Append(repo.FinishedPlans).Append("</td><td class=\"num\">").Append(repo.RunningTasks).Append("</td><td class=\"num\">")
                .Append(Html.E(DashboardFormat.Money(repo.CostUsd))).Append("</td></tr>");
        }

        if (repositories.Count == 0)
        {
            rows.Append("<tr><td colspan=\"5\">No repositories you can see have plans yet.</td></tr>");
        }

        main.Append(Html.Table("repositories", "Repositories you can see", ["Repository", "Active plans", "Finished plans", "Running tasks", "Spend"], rows.ToString()))
            .Append("</section>")
            .Append(SystemPanel(cluster))
            .Append("<section id=\"costs\" aria-labelledby=\"costs-heading\"><h2 id=\"costs-heading\">Costs</h2>")
            .Append(CostChartSvg.Render("cost-per-day", $"Cost per day, last {costs.Days} days (UTC)", "Day", costs.PerDay))
            .Append(CostChartSvg.Render("cost-per-repo", $"Cost per repository, last {costs.Days} days", "Repository", costs.PerRepository))
            .Append(CostChartSvg.Render("cost-per-role", $"Cost per role, last {costs.Days} days", "Role", costs.PerRole))
            .Append("</section>");
        return Html.Page("Dashboard", main.ToString(), viewer);
    }

    private static string SystemPanel(ClusterStatus? cluster)
    {
        var html = new StringBuilder("<section id=\"system\" aria-labelledby=\"system-heading\"><h2 id=\"system-heading\">System</h2>");
        if (cluster is null)
        {
            return html.Append("<p>The cluster status is not available.</p></section>").ToString();
        }

        html.Append("<p>Queue depth: <span id=\"queue-depth\">").Append(cluster.QueueDepth).Append("</span> job(s) due and waiting");
        if (cluster.Queued.Count > 0)
        {
            html.Append(" (").Append(Html.E(string.Join(", ", cluster.Queued.Select(q => $"{q.Scheduler}: {q.Depth}")))).Append(')');
        }

        html.Append(". Running jobs: <span id=\"running-jobs\">").Append(cluster.Running.Count).Append("</span>.</p>");
        var running = new StringBuilder();
        foreach (var job in cluster.Running)
        {
            running.Append("<tr><td>").Append(Html.E(job.Scheduler)).Append("</td><td>").Append(Html.E($"{job.JobGroup}.{job.JobName}"))
                .Append("</td><td>").Append(Html.E(job.InstanceId)).Append("</td><td>").Append(Html.E(DashboardFormat.Time(job.FiredAt))).Append("</td></tr>");
        }

        if (cluster.Running.Count > 0)
        {
            html.Append(Html.Table("running", "Running jobs", ["Scheduler", "Job", "Instance", "Fired at"], running.ToString()));
        }

        var nodes = new StringBuilder();
        foreach (var node in cluster.Nodes)
        {
            nodes.Append("<tr data-node=\"").Append(Html.E(node.Node)).Append("\"><td>").Append(Html.E(node.Node)).Append("</td><td>")
                .Append(Html.E(node.HostRole)).Append("</td><td class=\"num\">").Append(node.Slots).Append("</td><td class=\"num\">")
                .Append(node.AgentSlots).Append("</td><td>").Append(Html.E(node.Labels.Length == 0 ? "(none)" : node.Labels)).Append("</td><td>")
                .Append(node.Alive ? "alive" : node.StoppedAt is null ? "gone (no heartbeat)" : "stopped").Append("</td><td>")
                .Append(Html.E(DashboardFormat.Time(node.LastSeen))).Append("</td></tr>");
        }

        html.Append(Html.Table("nodes", "Worker nodes", ["Node", "Role", "Slots", "Agent slots", "Labels", "Status", "Last seen"], nodes.ToString()));
        return html.Append("</section>").ToString();
    }
}
