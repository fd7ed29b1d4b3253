using GitBot.Agents.Runs;
using GitBot.Git.Processes;
using GitBot.Testing;

namespace GitBot.Agents.Tests.Backends;

/// <summary>
/// No secret from GitBot's own configuration reaches an agent's environment, arguments or log, even when this process
/// holds them and the role asks for them by name. The agent is a script that prints its argv, environment and stdin.
/// </summary>
public sealed class AgentEnvironmentTests : IDisposable
{
    private static readonly Dictionary<string, string> Secrets = new(StringComparer.Ordinal)
    {
        ["GITHUB_TOKEN"] = "ghs_leakcheckleakcheckleakcheck1234",
        ["GH_TOKEN"] = "gho_leakcheck-value-2",
        ["GITBOT_Database__ConnectionString"] = "Host=db;Username=gitbot;Password=leakcheck-db-3",
        ["GITBOT_GitHub__WebhookSecret"] = "leakcheck-webhook-4",
        ["PGPASSWORD"] = "leakcheck-pg-5",
        ["NPM_TOKEN"] = "leakcheck-npm-6",
        ["ANTHROPIC_BASE_URL"] = "http://leakcheck.invalid:7",
    };

    private static readonly string[] Asked = [.. Secrets.Keys, "HOME", "AGENT_VISIBLE_SETTING"];

    public AgentEnvironmentTests()
    {
        foreach (var (name, value) in Secrets)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        Environment.SetEnvironmentVariable("AGENT_VISIBLE_SETTING", "visible-value");
    }

    public void Dispose()
    {
        foreach (var name in Secrets.Keys.Append("AGENT_VISIBLE_SETTING"))
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public async Task The_command_backend_gets_only_allowlisted_variables()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(AgentTestSupport.WorkDir(dir));
        var backend = AgentTestSupport.Command(AgentTestSupport.Options(dir));

        var result = await backend.RunAsync(
            AgentTestSupport.Request(AgentTestSupport.CommandRole(["/usr/bin/env"], passEnvironment: Asked), "p", dir), CancellationToken.None);

        Assert.Equal(AgentOutcome.Succeeded, result.Outcome);
        var log = await File.ReadAllTextAsync(Path.Combine(dir.Path, "logs", "run.log"));
        AssertNoSecret(log + result.Summary);
        var environment = log.Split('\n').Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('[')).ToList();
        Assert.Contains("AGENT_VISIBLE_SETTING=visible-value", environment);
        Assert.DoesNotContain(environment, l => l.StartsWith("ANTHROPIC_BASE_URL=", StringComparison.Ordinal));
        Assert.Contains(environment, l => l.StartsWith("ANTHROPIC_API_KEY=", StringComparison.Ordinal));
        Assert.Contains(environment, l => l.StartsWith("HOME=" + Path.Combine(dir.Path, "homes"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_claude_backend_passes_no_secret_in_arguments_environment_or_log()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(AgentTestSupport.WorkDir(dir));
        var fake = Path.Combine(dir.Path, "fake-claude");
        await File.WriteAllTextAsync(fake, "#!/bin/sh\nprintf 'ARG %s\\n' \"$@\"\nenv\necho STDIN; cat\n");
        Assert.True((await AgentTestSupport.Runner.RunAsync(new ProcessSpec("chmod", ["+x", fake]), CancellationToken.None)).Succeeded);
        var options = AgentTestSupport.Options(dir);
        options.ClaudeExecutable = fake;
        options.AnthropicBaseUrl = "http://127.0.0.1:9";
        var backend = AgentTestSupport.Claude(options);

        var result = await backend.RunAsync(
            AgentTestSupport.Request(AgentTestSupport.ClaudeRole(passEnvironment: Asked), "the task prompt", dir, maxTurns: 7, budget: 1.5m),
            CancellationToken.None);

        // No result line: the fake is not Claude Code, so the run fails, but everything it saw is in the log.
        Assert.Equal(AgentOutcome.Failed, result.Outcome);
        var log = await File.ReadAllTextAsync(Path.Combine(dir.Path, "logs", "run.log"));
        AssertNoSecret(log + result.Summary);
        var lines = log.Split('\n');
        Assert.Contains("ARG -p", lines);
        Assert.Contains("ARG --max-turns=7", lines);
        Assert.Contains("ARG --max-budget-usd=1.5", lines);
        Assert.Contains("ARG --setting-sources=user", lines);
        Assert.Contains("ARG --strict-mcp-config", lines);
        Assert.Contains("ARG --allowedTools=Read,Write,Edit,Bash", lines);
        Assert.Contains("ARG --model=claude-sonnet-4-5", lines);
        Assert.Contains("ARG --append-system-prompt=You are GitBot's test agent.", lines);
        Assert.DoesNotContain(lines, l => l.Contains("the task prompt", StringComparison.Ordinal) && l.StartsWith("ARG", StringComparison.Ordinal));
        Assert.Contains("the task prompt", lines);
        Assert.Contains("ANTHROPIC_BASE_URL=http://127.0.0.1:9", lines);
        Assert.Contains("DISABLE_AUTOUPDATER=1", lines);
        Assert.Contains("AGENT_VISIBLE_SETTING=visible-value", lines);
        Assert.Contains(lines, l => l.StartsWith("CLAUDE_CONFIG_DIR=" + Path.Combine(dir.Path, "homes"), StringComparison.Ordinal));

        // The API key is the one secret the agent gets; it is in its environment but the log shows it redacted.
        Assert.Contains(lines, l => l.StartsWith("ANTHROPIC_API_KEY=", StringComparison.Ordinal));
        Assert.DoesNotContain(AgentTestSupport.ApiKey, log, StringComparison.Ordinal);

        // The per-run home is removed afterwards.
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(dir.Path, "homes")));
    }

    private static void AssertNoSecret(string text)
    {
        foreach (var (name, value) in Secrets)
        {
            Assert.DoesNotContain(value, text, StringComparison.Ordinal);
            if (name != "ANTHROPIC_BASE_URL")
            {
                Assert.DoesNotContain(name + "=", text, StringComparison.Ordinal);
            }
        }
    }
}
