using System.Globalization;
using System.Text;

namespace GitBot.Core.Plans.Rendering;

/// <summary>
/// The plan comment on the issue, edited in place as tasks progress: heading with the plan state, approval hint, the
/// tasks as a checklist (state, duration, cost, attempt, log link, reason), a Mermaid graph, total cost and branch.
/// Untrusted text is scrubbed and escaped; the body stays under GitHub's size limit (the graph goes first, then
/// task lines, with a note).
/// </summary>
public static class PlanCommentRenderer
{
    private const int MaxTitle = 200;
    private const int MaxReason = 500;

    /// <summary>The hidden first line that identifies the comment of plan <paramref name="planId"/>.</summary>
    public static string Marker(long planId) => string.Create(CultureInfo.InvariantCulture, $"<!-- gitbot:plan:{planId} -->");

    /// <summary>The comment body for <paramref name="snapshot"/> as of <see cref="PlanRenderContext.Now"/>.</summary>
    public static string Render(PlanSnapshot snapshot, PlanRenderContext context)
    {
        var plan = snapshot.Plan;
        var head = new StringBuilder();
        head.Append(Marker(plan.Id)).Append('\n');
        head.Append(CultureInfo.InvariantCulture, $"### 🤖 GitBot plan for #{plan.IssueNumber}: {MarkdownText.Inline(plan.IssueTitle, MaxTitle)} — {TaskStateText.Plan(plan.State)}\n\n");
        if (plan.State == PlanState.AwaitingApproval)
        {
            head.Append("> [!NOTE]\n> Nothing runs until a user with write access comments `/agent approve`.\n\n");
        }

        if (snapshot.Tasks.Count == 0)
        {
            head.Append(plan.State == PlanState.Planning ? "_Making the plan…_\n" : "_The plan has no tasks._\n");
        }

        var items = snapshot.Tasks.Select(t => TaskLine(plan, t, context)).ToList();
        var tail = Tail(snapshot, context, graph: true);
        if (head.Length + items.Sum(i => i.Length + 1) + tail.Length <= BodyLimit.MaxLength)
        {
            return BodyLimit.Compose(head.ToString(), items, tail);
        }

        // Too big: the graph is the first thing to go, then task lines.
        return BodyLimit.Compose(head.ToString(), items, Tail(snapshot, context, graph: false));
    }

    private static string TaskLine(PlanRecord plan, TaskRecord task, PlanRenderContext context)
    {
        var line = new StringBuilder();
        line.Append(task.State == TaskState.Succeeded ? "- [x] " : "- [ ] ");
        line.Append("**").Append(MarkdownText.Inline(task.Id, 40)).Append("** ");
        line.Append(MarkdownText.Inline(task.Definition.Title, MaxTitle));
        line.Append(" · ").Append(MarkdownText.Code(task.Definition.Role));
        line.Append(" · ").Append(TaskStateText.Emoji(task.State)).Append(' ');
        if (task.State == TaskState.Running && task.StartedAt is { } started)
        {
            line.Append("running for ").Append(MarkdownText.Duration(context.Now - started));
        }
        else
        {
            line.Append(TaskStateText.Word(task.State));
            if (task.State == TaskState.Pending && task.Definition.DependsOn.Count > 0)
            {
                line.Append(" after ").Append(string.Join(", ", task.Definition.DependsOn.Select(d => MarkdownText.Inline(d, 40))));
            }

            if (task.StartedAt is { } start && task.FinishedAt is { } finish)
            {
                line.Append(" · ").Append(MarkdownText.Duration(finish - start));
            }
        }

        if (task.CostUsd > 0 || task.Attempt > 0)
        {
            line.Append(" · ").Append(MarkdownText.Cost(task.CostUsd));
        }

        if (task.Attempt > 1)
        {
            line.Append(CultureInfo.InvariantCulture, $" · attempt {task.Attempt}");
        }

        if (LogLink(plan.Id, task, context) is { } link)
        {
            line.Append(" · [log](").Append(link).Append(')');
        }

        if (TaskStateText.HasReason(task.State) && !string.IsNullOrWhiteSpace(task.Reason))
        {
            line.Append("\n  ↳ ").Append(MarkdownText.Inline(task.Reason, MaxReason));
        }

        return line.ToString();
    }

    internal static string? LogLink(long planId, TaskRecord task, PlanRenderContext context)
    {
        if (string.IsNullOrEmpty(context.LogBaseUrl) || (task.StartedAt is null && task.Attempt == 0))
        {
            return null;
        }

        var url = string.Create(
            CultureInfo.InvariantCulture,
            $"{context.LogBaseUrl.TrimEnd('/')}/plans/{planId}/tasks/{Uri.EscapeDataString(task.Id)}/log");
        return context.LogLinkSignature is { } sign ? $"{url}?sig={Uri.EscapeDataString(sign(planId, task.Id))}" : url;
    }

    private static string Tail(PlanSnapshot snapshot, PlanRenderContext context, bool graph)
    {
        var plan = snapshot.Plan;
        var tail = new StringBuilder();
        if (snapshot.Tasks.Count > 0)
        {
            tail.Append('\n');
            tail.Append(graph ? MermaidGraph.Render(snapshot.Tasks) : "_The graph is left out: the plan is too large to draw in one comment._");
            tail.Append('\n');
        }

        tail.Append(CultureInfo.InvariantCulture, $"\n**Total cost:** {MarkdownText.Cost(snapshot.Tasks.Sum(t => t.CostUsd))}");
        tail.Append(" · **Branch:** ").Append(MarkdownText.Code(IntegrationBranch(context, plan))).Append('\n');
        if (!string.IsNullOrWhiteSpace(plan.Reason))
        {
            tail.Append("\n**Reason:** ").Append(MarkdownText.Inline(plan.Reason, MaxReason)).Append('\n');
        }

        return tail.ToString();
    }

    internal static string IntegrationBranch(PlanRenderContext context, PlanRecord plan) =>
        string.Create(CultureInfo.InvariantCulture, $"{context.BranchPrefix}/{plan.IssueNumber}");
}
