using System.Globalization;
using System.Text;
using GitBot.Core.Dashboard;

namespace GitBot.Server.Dashboard.Pages;

/// <summary>A repository's issues with their newest plans, one page at a time.</summary>
public static class RepositoryPage
{
    /// <summary>The page; pull request links point at <paramref name="gitHubWebUrl"/>.</summary>
    public static string Render(string viewer, string repository, IssueListPage page, string gitHubWebUrl)
    {
        ArgumentNullException.ThrowIfNull(page);
        var repoPath = Html.RepoPath(repository);
        var rows = new StringBuilder();
        foreach (var issue in page.Issues)
        {
            var number = issue.IssueNumber.ToString(CultureInfo.InvariantCulture);
            rows.Append("<tr data-issue=\"").Append(number).Append("\"><td><a href=\"").Append(Html.E($"{repoPath}/issues/{number}")).Append("\">#")
                .Append(number).Append(' ').Append(Html.E(issue.IssueTitle)).Append("</a></td><td>").Append(Html.E(issue.State.ToString()))
                .Append("</td><td class=\"num\">").Append(issue.TasksDone).Append('/').Append(issue.TasksTotal).Append("</td><td class=\"num\">")
                .Append(Html.E(DashboardFormat.Money(issue.CostUsd))).Append("</td><td>");
            if (issue.PullRequestNumber is { } pull)
            {
                rows.Append("<a href=\"").Append(Html.E($"{gitHubWebUrl.TrimEnd('/')}/{repository}/pull/{pull}")).Append("\">#").Append(pull).Append("</a>");
            }
            else
            {
                rows.Append("none");
            }

            rows.Append("</td><td>").Append(Html.E(DashboardFormat.Time(issue.UpdatedAt))).Append("</td></tr>");
        }

        if (page.Issues.Count == 0)
        {
            rows.Append("<tr><td colspan=\"6\">No issues with plans").Append(page.Page > 1 ? " on this page" : string.Empty).Append(".</td></tr>");
        }

        var main = new StringBuilder();
        main.Append("<h1>").Append(Html.E(repository)).Append("</h1>")
            .Append(Html.Table("issues", $"Issues with plans, page {page.Page}", ["Issue", "Plan state", "Tasks done", "Cost", "Pull request", "Updated"], rows.ToString()))
            .Append("<nav aria-label=\"Pages\"><p>");
        if (page.Page > 1)
        {
            main.Append("<a rel=\"prev\" href=\"").Append(Html.E($"{repoPath}?page={page.Page - 1}")).Append("\">Previous page</a> ");
        }

        if (page.HasMore)
        {
            main.Append("<a rel=\"next\" href=\"").Append(Html.E($"{repoPath}?page={page.Page + 1}")).Append("\">Next page</a>");
        }

        main.Append("</p></nav>");
        return Html.Page(repository, main.ToString(), viewer);
    }
}
