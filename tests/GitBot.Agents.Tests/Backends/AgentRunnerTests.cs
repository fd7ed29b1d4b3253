using GitBot.Agents.Backends;
using GitBot.Agents.Runs;
using GitBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GitBot.Agents.Tests.Backends;

public sealed class AgentRunnerTests
{
    [Fact]
    public async Task The_runner_picks_the_backend_the_role_names()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(AgentTestSupport.WorkDir(dir));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Agents:ClaudeExecutable"] = "/nonexistent/claude",
            ["Agents:LogRoot"] = Path.Combine(dir.Path, "logs"),
            ["Agents:HomeRoot"] = Path.Combine(dir.Path, "homes"),
            ["Agents:DefaultModel"] = "claude-haiku-4-5",
        }).Build();
        await using var provider = new ServiceCollection().AddLogging().AddGitBotAgents(configuration).BuildServiceProvider();
        var runner = provider.GetRequiredService<IAgentRunner>();

        var command = await runner.RunAsync(
            AgentTestSupport.Request(AgentTestSupport.CommandRole(["echo", "{prompt}"]) with { Backend = "COMMAND" }, "hi", dir), CancellationToken.None);
        var claude = await runner.RunAsync(AgentTestSupport.Request(AgentTestSupport.ClaudeRole(), "hi", dir), CancellationToken.None);

        Assert.Equal(AgentOutcome.Succeeded, command.Outcome);
        Assert.Equal("hi", command.Summary);
        Assert.Equal(AgentOutcome.FailedToStart, claude.Outcome);
        Assert.Contains("/nonexistent/claude", claude.Summary, StringComparison.Ordinal);
        Assert.Equal("claude-haiku-4-5", provider.GetRequiredService<IOptions<AgentOptions>>().Value.DefaultModel);
    }

    [Fact]
    public async Task An_unknown_backend_fails_to_start_and_names_the_known_ones()
    {
        using var dir = new TempDirectory();
        var options = AgentTestSupport.Options(dir);
        var runner = new AgentRunner([AgentTestSupport.Command(options), AgentTestSupport.Claude(options)], NullLogger<AgentRunner>.Instance);

        var result = await runner.RunAsync(
            AgentTestSupport.Request(AgentTestSupport.CommandRole(["echo"]) with { Backend = "gemini" }, "hi", dir), CancellationToken.None);

        Assert.Equal(AgentOutcome.FailedToStart, result.Outcome);
        Assert.Contains("'gemini'", result.Summary, StringComparison.Ordinal);
        Assert.Contains("claude, command", result.Summary, StringComparison.Ordinal);
    }
}
