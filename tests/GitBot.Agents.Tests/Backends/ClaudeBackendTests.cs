using GitBot.Agents.Runs;
using GitBot.Simulator.ModelServer;
using GitBot.Testing;

namespace GitBot.Agents.Tests.Backends;

/// <summary>The real Claude Code CLI (<c>GITBOT_TEST_CLAUDE</c>) against the scripted model server, in a real git directory.</summary>
public sealed class ClaudeBackendTests
{
    [Fact]
    public async Task The_agent_writes_a_file_runs_a_command_and_reports_cost_turns_and_tools()
    {
        var script = new ModelScript(ModelScript.When("create the greeting",
            ModelStep.WriteFile("greeting.txt", "hello from the agent\n"),
            ModelStep.Bash("wc -l greeting.txt > count.txt"),
            ModelStep.Text("Created greeting.txt and counted its lines.")));
        await using var server = await ScriptedModelServer.StartAsync(script, CancellationToken.None);
        using var dir = new TempDirectory();
        await AgentTestSupport.InitRepositoryAsync(dir);
        var backend = AgentTestSupport.Claude(AgentTestSupport.Options(dir, server.BaseUrl));

        var result = await backend.RunAsync(
            AgentTestSupport.Request(AgentTestSupport.ClaudeRole(), "Please create the greeting file.", dir), CancellationToken.None);

        Assert.True(result.Outcome == AgentOutcome.Succeeded, result.Summary);
        Assert.Equal("Created greeting.txt and counted its lines.", result.Summary);
        var work = AgentTestSupport.WorkDir(dir);
        Assert.Equal("hello from the agent\n", await File.ReadAllTextAsync(Path.Combine(work, "greeting.txt")));
        Assert.StartsWith("1 greeting.txt", await File.ReadAllTextAsync(Path.Combine(work, "count.txt")), StringComparison.Ordinal);
        Assert.Equal(["Write", "Bash"], result.ToolCalls);
        Assert.Equal(3, result.Turns);
        Assert.True(result.CostUsd > 0m, "no cost reported");
        Assert.True(result.InputTokens > 0 && result.OutputTokens > 0);
        Assert.Equal(0, result.ExitCode);

        var messages = server.Requests.Where(r => r.IsMessages && r.Rule == "create the greeting").ToList();
        Assert.Equal([0, 1, 2], messages.Select(r => r.AssistantTurns));
        Assert.All(messages, r => Assert.Equal(AgentTestSupport.ApiKey, r.Headers["x-api-key"]));
        Assert.All(messages, r => Assert.Equal(work, r.WorkingDirectory));
        Assert.All(messages, r => Assert.Contains("You are GitBot's test agent.", r.SystemText, StringComparison.Ordinal));
        var log = await File.ReadAllTextAsync(Path.Combine(dir.Path, "logs", "run.log"));
        Assert.Contains("\"total_cost_usd\"", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_out_of_turns_is_its_own_outcome()
    {
        var script = new ModelScript(ModelScript.When("keep going",
            ModelStep.Bash("echo 1"), ModelStep.Bash("echo 2"), ModelStep.Bash("echo 3"), ModelStep.Bash("echo 4"), ModelStep.Text("done")));
        await using var server = await ScriptedModelServer.StartAsync(script, CancellationToken.None);
        using var dir = new TempDirectory();
        await AgentTestSupport.InitRepositoryAsync(dir);
        var backend = AgentTestSupport.Claude(AgentTestSupport.Options(dir, server.BaseUrl));

        var result = await backend.RunAsync(
            AgentTestSupport.Request(AgentTestSupport.ClaudeRole(), "Please keep going.", dir, maxTurns: 2), CancellationToken.None);

        Assert.True(result.Outcome == AgentOutcome.MaxTurnsExceeded, $"{result.Outcome}: {result.Summary}");
        Assert.Contains("turn limit (2)", result.Summary, StringComparison.Ordinal);
        Assert.True(result.CostUsd > 0m);
    }

    [Fact]
    public async Task Spending_past_the_budget_is_its_own_outcome()
    {
        var script = new ModelScript(ModelScript.When("spend",
            ModelStep.Bash("echo 1"), ModelStep.Bash("echo 2"), ModelStep.Bash("echo 3"), ModelStep.Text("done")));
        await using var server = await ScriptedModelServer.StartAsync(script, CancellationToken.None);
        using var dir = new TempDirectory();
        await AgentTestSupport.InitRepositoryAsync(dir);
        var backend = AgentTestSupport.Claude(AgentTestSupport.Options(dir, server.BaseUrl));

        var result = await backend.RunAsync(
            AgentTestSupport.Request(AgentTestSupport.ClaudeRole(), "Please spend.", dir, budget: 0.001m), CancellationToken.None);

        Assert.True(result.Outcome == AgentOutcome.BudgetExceeded, $"{result.Outcome}: {result.Summary}");
        Assert.True(result.CostUsd > 0.001m);
    }

    [Fact]
    public async Task A_stalled_model_ends_in_a_timeout()
    {
        var script = new ModelScript(ModelScript.When("stall", ModelStep.Delay(TimeSpan.FromMinutes(5))));
        await using var server = await ScriptedModelServer.StartAsync(script, CancellationToken.None);
        using var dir = new TempDirectory();
        await AgentTestSupport.InitRepositoryAsync(dir);
        var backend = AgentTestSupport.Claude(AgentTestSupport.Options(dir, server.BaseUrl));

        var result = await backend.RunAsync(
            AgentTestSupport.Request(AgentTestSupport.ClaudeRole(), "Please stall.", dir, timeout: TimeSpan.FromSeconds(8)), CancellationToken.None);

        Assert.Equal(AgentOutcome.TimedOut, result.Outcome);
        Assert.Contains(server.Requests, r => r.Rule == "stall");
    }
}
