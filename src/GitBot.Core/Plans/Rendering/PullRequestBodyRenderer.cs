using System.Globalization;
using System.Text;

namespace GitBot.Core.Plans.Rendering;

/// <summary>
/// The body of the pull request GitBot opens when every task succeeded: summary, <c>Closes #N</c>, a table of tasks
/// (agent role, duration, cost, commit), total cost, and why it is a draft. Untrusted text is scrubbed and escaped
/// (an issue title cannot add a closing keyword or a reference); the body stays under GitHub's size limit.
/// </summary>
public static class PullRequestBodyRenderer
{
    /// <summary>The hidden first line that identifies the pull request of plan <paramref name="planId"/>.</summary>
    public static string Marker(long planId) => string.Create(CultureInfo.InvariantCulture, $"<!-- gitbot:pr:{planId} -->");

    /// <summary>The pull request body for <paramref name="snapshot"/>.</summary>
    public static string Render(PlanSnapshot snapshot, PlanRenderContext context)
    {
        var plan = snapshot.Plan;
        var tasks = snapshot.Tasks;
        var head = new StringBuilder();
        head.Append(Marker(plan.Id)).Append('\n');
        head.Append("## Summary\n\n");
        head.Append(CultureInfo.InvariantCulture, $"Implements #{plan.IssueNumber}: {MarkdownText.Inline(plan.IssueTitle, 200)}");
        head.Append(CultureInfo.InvariantCulture, $" — {tasks.Count} {(tasks.Count == 1 ? "task" : "tasks")} done by GitBot agents on ");
        head.Append(MarkdownText.Code(PlanCommentRenderer.IntegrationBranch(context, plan)));
        head.Append(", requested by ").Append(MarkdownText.Code(plan.RequestedBy)).Append(".\n\n");
        head.Append(CultureInfo.InvariantCulture, $"Closes #{plan.IssueNumber}\n\n");
        head.Append("## Tasks\n\n");
        head.Append("| Task | Title | Agent | Duration | Cost | Commit |\n");
        head.Append("| --- | --- | --- | --- | --- | --- |\n");

        var rows = tasks.Select(Row).ToList();
        var tail = new StringBuilder();
        tail.Append(CultureInfo.InvariantCulture, $"\n**Total cost:** {MarkdownText.Cost(tasks.Sum(t => t.CostUsd))}\n\n");
        tail.Append("> [!NOTE]\n> GitBot opened this pull request as a draft; it stays a draft until the reviews finish.\n");
        return BodyLimit.Compose(head.ToString(), rows, tail.ToString());
    }

    private static string Row(TaskRecord task)
    {
        var duration = task.StartedAt is { } start && task.FinishedAt is { } finish ? MarkdownText.Duration(finish - start) : "—";
        var sha = MarkdownText.ShortSha(task.CommitSha) is { } shortSha ? "`" + shortSha + "`" : "—";
        return $"| {MarkdownText.Inline(task.Id, 40)} | {MarkdownText.Inline(task.Definition.Title, 200)} | {MarkdownText.Code(task.Definition.Role)} | {duration} | {MarkdownText.Cost(task.CostUsd)} | {sha} |";
    }
}
