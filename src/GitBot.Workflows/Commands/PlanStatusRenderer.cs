using System.Globalization;
using System.Text;
using GitBot.Core.Plans;

namespace GitBot.Workflows.Commands;

/// <summary>
/// An issue's plan as <c>/agent status</c> shows it: state, tasks with their states and costs, cost so far (everything
/// the issue spent), pull request.
/// </summary>
public static class PlanStatusRenderer
{
    /// <summary>At most this many tasks are listed; the rest are counted.</summary>
    public const int MaxTasks = 50;

    /// <summary>
    /// Markdown for <paramref name="snapshot"/>; task titles and reasons are sanitized. <paramref name="otherCostUsd"/> is
    /// what the issue spent outside this plan's tasks (earlier plans, fixes, feedback, reviews): part of the cost so far,
    /// and shown on its own line when there is any.
    /// </summary>
    public static string Render(PlanSnapshot snapshot, decimal otherCostUsd)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var plan = snapshot.Plan;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**Plan** for #{plan.IssueNumber}: **{State(plan.State)}**");
        if (plan.Reason is { Length: > 0 } reason)
        {
            text.Append(" — ").Append(CommandText.Line(reason));
        }

        text.Append('\n');
        var cost = snapshot.Tasks.Sum(t => t.CostUsd) + otherCostUsd;
        text.Append(CultureInfo.InvariantCulture, $"Cost so far: **${cost:0.00}**");
        if (plan.PullRequestNumber is { } pull)
        {
            text.Append(CultureInfo.InvariantCulture, $" · pull request #{pull}");
        }

        if (otherCostUsd > 0m)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nOther agent runs (earlier plans, fixes, feedback, reviews): ${otherCostUsd:0.00}");
        }

        text.Append("\n\n");
        if (snapshot.Tasks.Count == 0)
        {
            return text.Append("No tasks yet.\n").ToString();
        }

        text.Append("| task | state | attempt | cost |\n| --- | --- | --- | --- |\n");
        foreach (var task in snapshot.Tasks.OrderBy(t => t.Ordinal).Take(MaxTasks))
        {
            var state = TaskStateName(task.State);
            if (task.Reason is { Length: > 0 } why && task.State is not TaskState.Succeeded)
            {
                state += ": " + CommandText.Cell(why, 160);
            }

            text.Append(CultureInfo.InvariantCulture,
                $"| {CommandText.Cell(task.Id, 40)} {CommandText.Cell(task.Definition.Title)} | {state} | {task.Attempt} | ${task.CostUsd:0.00} |\n");
        }

        if (snapshot.Tasks.Count > MaxTasks)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n…and {snapshot.Tasks.Count - MaxTasks} more tasks.\n");
        }

        return text.ToString();
    }

    /// <summary>The plan state in words.</summary>
    public static string State(PlanState state) => state switch
    {
        PlanState.Planning => "planning",
        PlanState.AwaitingApproval => "waiting for `/agent approve`",
        PlanState.Running => "running",
        PlanState.Succeeded => "succeeded",
        PlanState.Failed => "failed",
        PlanState.Cancelled => "cancelled",
        _ => state.ToString(),
    };

    private static string TaskStateName(TaskState state) => state switch
    {
        TaskState.Pending => "pending",
        TaskState.Ready => "queued",
        TaskState.Running => "running",
        TaskState.Succeeded => "succeeded",
        TaskState.Failed => "failed",
        TaskState.Cancelled => "cancelled",
        TaskState.Blocked => "blocked",
        TaskState.NeedsHuman => "needs a human",
        _ => state.ToString(),
    };
}
