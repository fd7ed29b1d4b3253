using System.CommandLine;
using System.Globalization;
using GitBot.Cli.Commands;
using GitBot.Core.Budgets;
using GitBot.Core.Plans;
using GitBot.Core.Runs;
using GitBot.Storage;
using GitBot.Storage.Budgets;
using GitBot.Storage.Connections;
using GitBot.Storage.Migrations;
using GitBot.Storage.Plans;
using GitBot.Storage.Runs;
using GitBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitBot.Cli.Tests.Status;

/// <summary>
/// A SQLite database in a temp directory, migrated and filled through the real stores, and a config file pointing
/// <c>gitbot status</c> at it. The plans:
/// <list type="bullet">
/// <item>octo/widgets#7: an earlier failed plan (one task, $0.50), then a running plan with api (succeeded, $1.25),
/// ui (after api, running, attempt 2, $0.10) and docs (after api and ui, blocked); a $0.40 fix; pull request #42.</item>
/// <item>octo/widgets#9: succeeded, one task ($2.00), pull request #50.</item>
/// <item>acme/api#1: awaiting approval, one pending task.</item>
/// </list>
/// </summary>
internal sealed class StatusDatabase : IDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _dir = new("gitbot-status-test");

    public string ConfigPath => Path.Combine(_dir.Path, "gitbot.json");

    public static async Task<StatusDatabase> CreateAsync(bool seed = true)
    {
        var db = new StatusDatabase();
        var data = Path.Combine(db._dir.Path, "data");
        await File.WriteAllTextAsync(db.ConfigPath, "{ \"DataDirectory\": \"" + data.Replace("\\", "\\\\", StringComparison.Ordinal) + "\" }");
        if (seed)
        {
            var resolved = new DatabaseOptions { DataDirectory = data }.Resolve();
            await using var connections = new DatabaseConnectionFactory(resolved);
            await new DatabaseMigrator(connections, TimeProvider.System, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
            await SeedAsync(new SqlPlanStore(connections, TimeProvider.System), new SqlIssueSpendingStore(connections, TimeProvider.System));
            await SeedRunsAsync(new SqlAgentRunStore(connections));
        }

        return db;
    }

    /// <summary>Runs <c>gitbot status</c> in-process with this database; output and errors in one plain-text string.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        var exitCode = await GitBotCommandLine.Create().Parse(["status", "--config", ConfigPath, .. args])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
        return (exitCode, output.ToString());
    }

    public void Dispose() => _dir.Dispose();

    private static async Task SeedAsync(SqlPlanStore plans, SqlIssueSpendingStore spending)
    {
        var old = await CreateAsync(plans, "octo/widgets", 7, "Add a widget API");
        await ApplyAsync(plans, old, PlanState.Failed, null, "the tests failed",
            Task(old.Id, "1", 0, TaskState.Failed, 1, "node-a", 0.50m, "tests failed"));

        var plan = await CreateAsync(plans, "octo/widgets", 7, "Add a widget API");
        await ApplyAsync(plans, plan, PlanState.Running, 42, null,
            Task(plan.Id, "api", 0, TaskState.Succeeded, 1, "node-a", 1.25m, null, finishedAfter: 90),
            Task(plan.Id, "ui", 1, TaskState.Running, 2, "node-b", 0.10m, null, dependsOn: ["api"]),
            Task(plan.Id, "docs", 2, TaskState.Blocked, 0, null, 0m, "waits for ui", dependsOn: ["api", "ui"]));
        await spending.RecordAsync(new SpendingEntry("octo/widgets", 7, SpendingSource.Fix, "run-1", 0.40m), CancellationToken.None);

        var done = await CreateAsync(plans, "octo/widgets", 9, "Fix the footer");
        await ApplyAsync(plans, done, PlanState.Succeeded, 50, null,
            Task(done.Id, "1", 0, TaskState.Succeeded, 1, "node-a", 2.00m, null, finishedAfter: 30));

        var waiting = await CreateAsync(plans, "acme/api", 1, "Rate limits");
        await ApplyAsync(plans, waiting, PlanState.AwaitingApproval, null, null,
            Task(waiting.Id, "1", 0, TaskState.Pending, 0, null, 0m, null));
    }

    /// <summary>Agent runs of octo/widgets#7: api's run (finished, 90 s) and ui's second attempt (still running).</summary>
    private static async Task SeedRunsAsync(SqlAgentRunStore runs)
    {
        var api = await runs.StartAsync(
            new AgentRunStart(new AgentRunSubject("octo/widgets", AgentRunKind.Task, 7, null, 2, "api", 1), "backend", "claude-code", "node-a", "/var/log/gitbot/api.log", T0),
            CancellationToken.None);
        Assert.True(await runs.FinishAsync(api, new AgentRunFinish("Succeeded", 0, 12, 34_000, 5_600, 1.25m, "Added the API.", T0.AddSeconds(90)), CancellationToken.None));
        await runs.StartAsync(
            new AgentRunStart(new AgentRunSubject("octo/widgets", AgentRunKind.Task, 7, null, 2, "ui", 2), "backend", "claude-code", "node-b", null, T0),
            CancellationToken.None);
    }

    private static async Task<PlanRecord> CreateAsync(SqlPlanStore plans, string repository, int issue, string title)
    {
        var creation = await plans.CreateAsync(
            new NewPlan(1, repository, issue, title, "agent", "alice", "main", $"https://github.com/{repository}.git", "", null),
            CancellationToken.None);
        Assert.True(creation.Created);
        return creation.Plan;
    }

    private static async Task ApplyAsync(SqlPlanStore plans, PlanRecord plan, PlanState state, int? pull, string? reason, params TaskRecord[] tasks)
    {
        var changed = plan with { State = state, PullRequestNumber = pull, Reason = reason };
        Assert.True(await plans.ApplyAsync(new PlanChange(plan.Version, changed, tasks, []), CancellationToken.None));
    }

    private static TaskRecord Task(
        long planId, string id, int ordinal, TaskState state, int attempt, string? node, decimal cost, string? reason,
        int? finishedAfter = null, string[]? dependsOn = null) => new(
        planId,
        ordinal,
        new PlannedTask(id, $"Task {id}", "backend", $"Do {id}.", dependsOn ?? [], []),
        state,
        attempt,
        attempt > 0 ? T0 : null,
        finishedAfter is { } seconds ? T0.AddSeconds(seconds) : null,
        cost,
        state == TaskState.Succeeded ? "0123456789abcdef0123456789abcdef01234567" : null,
        reason,
        attempt > 0 ? $"/var/log/gitbot/{id}.log" : null,
        node);
}
