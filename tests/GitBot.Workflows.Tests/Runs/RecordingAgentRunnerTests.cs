using GitBot.Agents.Runs;
using GitBot.Core.Configuration;
using GitBot.Core.Runs;
using GitBot.Storage.Migrations;
using GitBot.Workflows.Runs;
using GitBot.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GitBot.Workflows.Tests.Runs;

/// <summary>The host's <see cref="IAgentRunner"/> records runs: a real AgentRunner, the command backend, real processes, a real database.</summary>
public sealed class RecordingAgentRunnerTests
{
    private const string FakeToken = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";

    [Theory]
    [InlineData(WorkflowTestEnvironment.Sqlite)]
    [InlineData(WorkflowTestEnvironment.Postgres)]
    public async Task A_run_with_a_subject_is_stored_with_its_outcome_exit_code_and_scrubbed_reason(string provider)
    {
        await using var environment = await WorkflowTestEnvironment.CreateAsync(provider);
        var host = await BuildAsync(environment);
        var runner = host.Services.GetRequiredService<IAgentRunner>();
        Assert.IsType<RecordingAgentRunner>(runner);
        var subject = new AgentRunSubject("octo/widgets", AgentRunKind.Task, 12, null, 5, "A", 2);

        var result = await runner.RunAsync(Request(environment, $"echo 'leaked {FakeToken}'; exit 3") with { Subject = subject }, CancellationToken.None);

        Assert.Equal(AgentOutcome.Failed, result.Outcome);
        var run = Assert.Single(await Runs(host).ListForPlanAsync(5, CancellationToken.None));
        Assert.Equal(subject, run.Subject);
        Assert.Equal(("Failed", (int?)3, "runner", "command", "node-r"), (run.State, run.ExitCode, run.Role, run.Backend, run.Node));
        Assert.Equal(result.CostUsd, run.CostUsd);
        Assert.Equal(result.Turns, run.Turns);
        Assert.NotNull(run.FinishedAt);
        Assert.NotNull(run.ExitReason);
        Assert.DoesNotContain(FakeToken, run.ExitReason, StringComparison.Ordinal);
        Assert.Contains("leaked", run.ExitReason, StringComparison.Ordinal);
        Assert.True(run.LogPath is { } log && File.Exists(log));
    }

    [Fact]
    public async Task A_run_without_a_subject_is_not_recorded_and_a_long_summary_is_cut()
    {
        await using var environment = await WorkflowTestEnvironment.CreateAsync(WorkflowTestEnvironment.Sqlite);
        var host = await BuildAsync(environment);
        var runner = host.Services.GetRequiredService<IAgentRunner>();

        var plain = await runner.RunAsync(Request(environment, "echo hello"), CancellationToken.None);
        Assert.Equal(AgentOutcome.Succeeded, plain.Outcome);
        Assert.Empty(await Runs(host).ListForIssueAsync("octo/widgets", 12, 10, CancellationToken.None));

        var subject = new AgentRunSubject("octo/widgets", AgentRunKind.Fix, 12, 40);
        var result = await runner.RunAsync(Request(environment, "head -c 5000 /dev/zero | tr '\\0' x") with { Subject = subject }, CancellationToken.None);
        Assert.Equal(AgentOutcome.Succeeded, result.Outcome);
        var run = Assert.Single(await Runs(host).ListForIssueAsync("octo/widgets", 12, 10, CancellationToken.None));
        Assert.Equal(("Succeeded", (int?)0), (run.State, run.ExitCode));
        Assert.Equal(AgentRunRecorder.MaxExitReason, run.ExitReason!.Length);
        Assert.EndsWith("x…", run.ExitReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_run_is_finished_and_a_database_failure_does_not_fail_the_run()
    {
        await using var environment = await WorkflowTestEnvironment.CreateAsync(WorkflowTestEnvironment.Sqlite);
        var host = await BuildAsync(environment);
        var runner = host.Services.GetRequiredService<IAgentRunner>();
        var subject = new AgentRunSubject("octo/widgets", AgentRunKind.Feedback, 12, 40);

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            var stopped = await runner.RunAsync(Request(environment, "sleep 60") with { Subject = subject }, cancel.Token);
            Assert.Equal(AgentOutcome.Cancelled, stopped.Outcome);
        }
        catch (OperationCanceledException)
        {
            // A runner may also throw; either way the run must be recorded as ended.
        }

        var run = Assert.Single(await Runs(host).ListForIssueAsync("octo/widgets", 12, 10, CancellationToken.None));
        Assert.Equal("Cancelled", run.State);
        Assert.NotNull(run.FinishedAt);

        // The table is gone: recording fails, the run itself still runs and reports.
        await using (var storage = await environment.StorageOnlyAsync())
        {
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(
                storage.GetRequiredService<GitBot.Storage.ResolvedDatabase>().ConnectionString);
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "ALTER TABLE agent_runs RENAME TO agent_runs_away";
            await drop.ExecuteNonQueryAsync();
        }

        var unrecorded = await runner.RunAsync(Request(environment, "echo still-works") with { Subject = subject }, CancellationToken.None);
        Assert.Equal(AgentOutcome.Succeeded, unrecorded.Outcome);
        Assert.Equal("still-works", unrecorded.Summary);
    }

    private static async Task<IHost> BuildAsync(WorkflowTestEnvironment environment)
    {
        var host = environment.BuildHost(WorkflowHostRole.Serve, "node-r", settings: new Dictionary<string, string?>
        {
            ["Agents:LogRoot"] = Path.Combine(environment.DataDirectory, "logs"),
            ["Agents:HomeRoot"] = Path.Combine(environment.DataDirectory, "homes"),
        });
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return host;
    }

    private static IAgentRunStore Runs(IHost host) => host.Services.GetRequiredService<IAgentRunStore>();

    private static AgentRunRequest Request(WorkflowTestEnvironment environment, string script)
    {
        var work = Path.Combine(environment.DataDirectory, "work");
        Directory.CreateDirectory(work);
        var role = new RoleDefinition("runner", "Runs a script", "", [], null, "command", ["sh", "-c", script], true, [], "test");
        var log = Path.Combine(environment.DataDirectory, "logs", Guid.NewGuid().ToString("N") + ".log");
        return new AgentRunRequest("octo/widgets#12/test", role, "prompt", work, log, 5, 1m, TimeSpan.FromMinutes(1));
    }
}
