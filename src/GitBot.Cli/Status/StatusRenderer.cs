using System.Globalization;
using Spectre.Console;

namespace GitBot.Cli.Status;

/// <summary>
/// Draws the three <c>gitbot status</c> views with Spectre.Console: repositories (table), a repository's issues (table),
/// an issue's newest plan (task tree, runs table, total). Every value from the database is markup-escaped.
/// </summary>
internal sealed class StatusRenderer(IAnsiConsole console)
{
    public void Repositories(IReadOnlyList<RepositoryStatus> repositories)
    {
        if (repositories.Count == 0)
        {
            console.WriteLine("No plans yet.");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Repository").AddColumn("Plans")
            .AddColumn(new TableColumn("Running tasks").RightAligned()).AddColumn(new TableColumn("Cost").RightAligned());
        foreach (var repository in repositories)
        {
            var plans = string.Join(", ", repository.Plans.Select(p => $"{p.Value} [{StatusText.Colour(p.Key)}]{Markup.Escape(p.Key)}[/]"));
            table.AddRow(Markup.Escape(repository.Repository), plans, Number(repository.RunningTasks), Cost(repository.CostUsd));
        }

        console.Write(table);
    }

    public void Issues(string repository, IReadOnlyList<IssueStatus> issues)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(repository))
            .AddColumn(new TableColumn("Issue").RightAligned()).AddColumn("Title").AddColumn("Plan")
            .AddColumn(new TableColumn("Tasks").RightAligned()).AddColumn(new TableColumn("Cost").RightAligned()).AddColumn("PR");
        foreach (var issue in issues)
        {
            table.AddRow(
                "#" + Number(issue.Issue),
                Markup.Escape(issue.Title),
                State(issue.State),
                $"{Number(issue.TasksDone)}/{Number(issue.TasksTotal)}",
                Cost(issue.CostUsd),
                issue.PullRequest is { } pull ? "#" + Number(pull) : "-");
        }

        console.Write(table);
    }

    public void Plan(PlanStatus plan)
    {
        var heading = $"Plan {Number(plan.PlanId)} for {Markup.Escape(plan.Repository)}#{Number(plan.Issue)} {Markup.Escape(plan.Title)}: {State(plan.State)}";
        if (plan.Reason is { Length: > 0 } reason)
        {
            heading += " - " + Markup.Escape(reason);
        }

        var tree = new Tree(heading);
        if (plan.Tasks.Count == 0)
        {
            tree.AddNode("no tasks yet");
        }
        else
        {
            PlanTree.Fill(tree, plan.Tasks, TaskLabel);
        }

        console.Write(tree);
        console.WriteLine();
        if (plan.Tasks.Any(t => t.Attempt > 0))
        {
            console.Write(Runs(plan.Tasks));
        }

        if (plan.Runs.Count > 0)
        {
            console.Write(AgentRuns(plan.Runs));
        }

        var total = $"Total: {Cost(plan.TotalCostUsd)} (tasks {Cost(plan.TaskCostUsd)}, other agent runs {Cost(plan.OtherCostUsd)})";
        if (plan.PullRequest is { } pull)
        {
            total += " · pull request #" + Number(pull);
        }

        console.MarkupLine(total);
    }

    private static Table Runs(IReadOnlyList<TaskLine> tasks)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Runs (latest attempt of each task)")
            .AddColumn("Task").AddColumn(new TableColumn("Attempt").RightAligned()).AddColumn("Node").AddColumn("Started (UTC)")
            .AddColumn(new TableColumn("Duration").RightAligned()).AddColumn(new TableColumn("Cost").RightAligned()).AddColumn("Commit").AddColumn("Log");
        foreach (var task in tasks.Where(t => t.Attempt > 0))
        {
            table.AddRow(
                Markup.Escape(task.Id),
                Number(task.Attempt),
                Markup.Escape(task.Node ?? "-"),
                task.StartedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-",
                Duration(task.DurationSeconds),
                Cost(task.CostUsd),
                Markup.Escape(task.CommitSha is { Length: > 10 } sha ? sha[..10] : task.CommitSha ?? "-"),
                Markup.Escape(task.LogPath ?? "-"));
        }

        return table;
    }

    private static Table AgentRuns(IReadOnlyList<RunLine> runs)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Agent runs (newest first)")
            .AddColumn(new TableColumn("Run").RightAligned()).AddColumn("Agent").AddColumn("Task").AddColumn("Node").AddColumn("State")
            .AddColumn(new TableColumn("Duration").RightAligned()).AddColumn(new TableColumn("Turns").RightAligned())
            .AddColumn(new TableColumn("Tokens in/out").RightAligned()).AddColumn(new TableColumn("Cost").RightAligned()).AddColumn("Exit reason");
        foreach (var run in runs)
        {
            var reason = run.ExitReason is { Length: > 60 } long_ ? long_[..57] + "..." : run.ExitReason ?? "-";
            table.AddRow(
                Number(run.Id),
                Markup.Escape($"{run.Kind.ToLowerInvariant()} {run.Role}"),
                Markup.Escape(run.TaskId is { } task ? $"{task} #{run.Attempt}" : "-"),
                Markup.Escape(run.Node),
                State(run.State),
                Duration(run.DurationSeconds),
                Number(run.Turns),
                $"{Number(run.InputTokens)}/{Number(run.OutputTokens)}",
                Cost(run.CostUsd),
                Markup.Escape(reason.ReplaceLineEndings(" ")));
        }

        return table;
    }

    private static string TaskLabel(TaskLine task)
    {
        var label = $"{Markup.Escape(task.Id)} {Markup.Escape(task.Title)} [dim]({Markup.Escape(task.Role)})[/] {State(task.State)}";
        if (task.DependsOn.Count > 1)
        {
            label += " after " + Markup.Escape(string.Join(", ", task.DependsOn));
        }

        if (task.Attempt > 0)
        {
            label += $" · attempt {Number(task.Attempt)} on {Markup.Escape(task.Node ?? "?")} · {Duration(task.DurationSeconds)}";
        }

        label += " · " + Cost(task.CostUsd);
        if (task.Reason is { Length: > 0 } reason && task.State != "succeeded")
        {
            label += " · " + Markup.Escape(reason);
        }

        return label;
    }

    private static string State(string state) => $"[{StatusText.Colour(state)}]{Markup.Escape(state)}[/]";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Cost(decimal usd) => "$" + usd.ToString("0.00##", CultureInfo.InvariantCulture);

    private static string Duration(double? seconds) =>
        seconds is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "-";
}
