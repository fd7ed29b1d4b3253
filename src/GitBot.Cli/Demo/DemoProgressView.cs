using System.Globalization;
using GitBot.Core.Plans;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace GitBot.Cli.Demo;

/// <summary>
/// Renders the plan as it runs: a table of tasks with state, duration and cost. On a terminal it is redrawn in place;
/// elsewhere (redirected output, tests) each change is written once as a line, so a log reads as a history.
/// </summary>
internal sealed class DemoProgressView(IAnsiConsole console, TimeProvider time)
{
    private readonly Dictionary<string, string> _lastLine = new(StringComparer.Ordinal);
    private string? _lastPlanState;

    /// <summary>The plan as a table; before the plan exists, a single row saying what GitBot is waiting for.</summary>
    public IRenderable Table(PlanSnapshot? snapshot)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Task").AddColumn("Title").AddColumn("State").AddColumn(new TableColumn("Duration").RightAligned()).AddColumn(new TableColumn("Cost").RightAligned());
        if (snapshot is null)
        {
            table.AddRow("-", "waiting for GitBot to pick up the issue", "-", "-", "-");
            return table;
        }

        table.Title($"Plan {snapshot.Plan.Id} for {Markup.Escape(snapshot.Plan.Repository)}#{snapshot.Plan.IssueNumber}: {Markup.Escape(snapshot.Plan.State.ToString())}");
        foreach (var task in snapshot.Tasks)
        {
            table.AddRow(
                Markup.Escape(task.Id),
                Markup.Escape(task.Definition.Title),
                $"[{Colour(task.State)}]{Markup.Escape(task.State.ToString())}[/]",
                Duration(task),
                Cost(task.CostUsd));
        }

        return table;
    }

    /// <summary>Writes one line per task whose state changed since the last call (the non-interactive view).</summary>
    public void WriteChanges(PlanSnapshot? snapshot)
    {
        if (snapshot is null)
        {
            return;
        }

        var planState = snapshot.Plan.State.ToString();
        if (planState != _lastPlanState)
        {
            _lastPlanState = planState;
            console.MarkupLineInterpolated($"plan {snapshot.Plan.Id}: {planState}");
        }

        foreach (var task in snapshot.Tasks)
        {
            var line = $"task {task.Id} ({task.Definition.Title}): {task.State}";
            if (_lastLine.TryGetValue(task.Id, out var last) && last == line)
            {
                continue;
            }

            _lastLine[task.Id] = line;
            var detail = task.IsFinished ? $" in {Duration(task)}, {Cost(task.CostUsd)}" : "";
            console.MarkupLineInterpolated($"{line}{detail}");
        }
    }

    private string Duration(TaskRecord task)
    {
        if (task.StartedAt is not { } started)
        {
            return "-";
        }

        var elapsed = (task.FinishedAt ?? time.GetUtcNow()) - started;
        return elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
    }

    private static string Cost(decimal usd) => "$" + usd.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Colour(TaskState state) => state switch
    {
        TaskState.Succeeded => "green",
        TaskState.Running => "yellow",
        TaskState.Failed or TaskState.Blocked or TaskState.NeedsHuman => "red",
        TaskState.Cancelled => "grey",
        _ => "default",
    };
}
