using System.Globalization;
using System.Text;
using GitBot.Core.Budgets;

namespace GitBot.Core.Plans.Rendering;

/// <summary>
/// The issue comment GitBot posts when a plan ends without a pull request: which tasks succeeded, which did not and
/// why, where the work done is kept, and — when the issue's budget stopped it — how to continue; or, when planning itself failed, what was wrong and how to write the plan by
/// hand. Untrusted text is scrubbed and escaped; the body stays under GitHub's size limit.
/// </summary>
public static class PlanReportRenderer
{
    private const int MaxReason = 500;
    private const int MaxProblems = 50;

    /// <summary>The hidden first line that identifies the report of plan <paramref name="planId"/>.</summary>
    public static string Marker(long planId) => string.Create(CultureInfo.InvariantCulture, $"<!-- gitbot:report:{planId} -->");

    /// <summary>The report for a plan whose tasks did not all succeed.</summary>
    public static string RenderFailure(PlanSnapshot snapshot, PlanRenderContext context)
    {
        var plan = snapshot.Plan;
        var branch = MarkdownText.Code(PlanCommentRenderer.IntegrationBranch(context, plan));
        var succeeded = snapshot.Tasks.Where(t => t.State == TaskState.Succeeded).ToList();
        var notSucceeded = snapshot.Tasks.Where(t => t.State != TaskState.Succeeded).ToList();

        var head = new StringBuilder();
        head.Append(Marker(plan.Id)).Append('\n');
        head.Append(CultureInfo.InvariantCulture, $"### ❌ GitBot could not finish #{plan.IssueNumber}: {MarkdownText.Inline(plan.IssueTitle, 200)}\n\n");
        if (!string.IsNullOrWhiteSpace(plan.Reason))
        {
            head.Append("**Reason:** ").Append(MarkdownText.Inline(plan.Reason, MaxReason)).Append("\n\n");
        }

        head.Append(CultureInfo.InvariantCulture, $"{succeeded.Count} of {snapshot.Tasks.Count} tasks succeeded; no pull request was opened.\n\n");

        var items = new List<string>();
        if (succeeded.Count > 0)
        {
            items.Add("**Succeeded**\n");
            items.AddRange(succeeded.Select(t => Line(plan.Id, t, context) + CommitNote(t)));
        }

        if (notSucceeded.Count > 0)
        {
            items.Add((succeeded.Count > 0 ? "\n" : string.Empty) + "**Did not succeed**\n");
            items.AddRange(notSucceeded.Select(t => Line(plan.Id, t, context) + ReasonNote(t)));
        }

        var tail = new StringBuilder();
        tail.Append(CultureInfo.InvariantCulture, $"\n**Total cost:** {MarkdownText.Cost(snapshot.Tasks.Sum(t => t.CostUsd))}\n\n");
        tail.Append("The branch ").Append(branch).Append(" keeps the work done so far (every succeeded task is merged into it); ");
        tail.Append("nothing was pushed to ").Append(MarkdownText.Code(plan.DefaultBranch)).Append(".\n");
        if (notSucceeded.Any(t => IssueBudgets.IsSpentReason(t.Reason)))
        {
            // The commands are the whole point of this paragraph; the intake ignores them here (the comment carries a marker).
            tail.Append("\n**The issue's budget is spent.** To continue, raise it with `/agent budget <usd>` (the total for the issue, ");
            tail.Append("e.g. `/agent budget 25`), then run the unfinished tasks again with `/agent retry`. ");
            tail.Append("A task that was stopped continues from its work in progress, kept on its `-wip` branch.\n");
        }

        return BodyLimit.Compose(head.ToString(), items, tail.ToString());
    }

    /// <summary>The report for a plan the planner agent got wrong twice, so nothing ran.</summary>
    public static string RenderPlanningFailed(PlanRecord plan, IReadOnlyList<string> problems)
    {
        var head = new StringBuilder();
        head.Append(Marker(plan.Id)).Append('\n');
        head.Append(CultureInfo.InvariantCulture, $"### ❌ GitBot could not plan #{plan.IssueNumber}: {MarkdownText.Inline(plan.IssueTitle, 200)}\n\n");
        head.Append("The planner agent's plan was invalid twice, so nothing ran. What was wrong with the last one:\n\n");

        var items = problems.Take(MaxProblems).Select(p => "- " + MarkdownText.Inline(p, MaxReason)).ToList();
        if (problems.Count > MaxProblems)
        {
            items.Add(string.Create(CultureInfo.InvariantCulture, $"- _… and {problems.Count - MaxProblems} more_"));
        }

        var tail = new StringBuilder();
        tail.Append("\n**How to proceed:** write the plan yourself as a task list in the issue body, one unchecked item per task. ");
        tail.Append("Tasks are numbered from 1; a role, dependencies and files may follow in parentheses:\n\n");
        tail.Append("```markdown\n");
        tail.Append("- [ ] Add the endpoint (backend) (files: src/Api/*.cs)\n");
        tail.Append("- [ ] Build the page (frontend)\n");
        tail.Append("- [ ] Document it (docs) (after 1, 2)\n");
        tail.Append("```\n\n");
        tail.Append("Then remove the ").Append(MarkdownText.Code(plan.TriggerLabel)).Append(" label and add it again.\n");
        return BodyLimit.Compose(head.ToString(), items, tail.ToString());
    }

    private static string Line(long planId, TaskRecord task, PlanRenderContext context)
    {
        var line = new StringBuilder("- **");
        line.Append(MarkdownText.Inline(task.Id, 40)).Append("** ").Append(MarkdownText.Inline(task.Definition.Title, 200));
        line.Append(" · ").Append(MarkdownText.Code(task.Definition.Role)).Append(" · ").Append(TaskStateText.Label(task.State));
        if (task.StartedAt is { } start && task.FinishedAt is { } finish)
        {
            line.Append(" · ").Append(MarkdownText.Duration(finish - start));
        }

        if (task.CostUsd > 0 || task.Attempt > 0)
        {
            line.Append(" · ").Append(MarkdownText.Cost(task.CostUsd));
        }

        if (PlanCommentRenderer.LogLink(planId, task, context) is { } link)
        {
            line.Append(" · [log](").Append(link).Append(')');
        }

        return line.ToString();
    }

    private static string CommitNote(TaskRecord task) =>
        MarkdownText.ShortSha(task.CommitSha) is { } sha ? " · commit `" + sha + "`" : string.Empty;

    private static string ReasonNote(TaskRecord task) => task switch
    {
        { Reason: { } reason } when !string.IsNullOrWhiteSpace(reason) => "\n  ↳ " + MarkdownText.Inline(reason, MaxReason),
        { State: TaskState.Running } => "\n  ↳ was still running when the plan ended",
        { State: TaskState.Pending or TaskState.Ready } => "\n  ↳ never ran",
        _ => string.Empty,
    };
}
