using GitBot.Agents.Backends;
using GitBot.Agents.Runs;
using GitBot.Core.Configuration;
using GitBot.Git.Processes;
using GitBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitBot.Agents.Tests.Backends;

/// <summary>Roles, requests and backends for the agent tests; the real Claude Code CLI comes from <c>GITBOT_TEST_CLAUDE</c>.</summary>
internal static class AgentTestSupport
{
    public const string VariableName = "GITBOT_TEST_CLAUDE";

    /// <summary>A key-shaped value, so the log scrubber's handling of the one secret an agent gets is exercised too.</summary>
    public const string ApiKey = "sk-ant-api03-testkeytestkeytestkey0123456789";

    public static readonly ProcessRunner Runner = new(TimeProvider.System);

    /// <summary>The pinned CLI installed by <c>tools/install-agent-cli.sh</c>. No fallback: without it the test fails.</summary>
    public static string ClaudeExecutable()
    {
        var path = Environment.GetEnvironmentVariable(VariableName);
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"{VariableName} must name the Claude Code CLI (run ./test.sh, or: export {VariableName}=$(bash tools/install-agent-cli.sh)); got '{path}'.");
        }

        return path;
    }

    public static RoleDefinition ClaudeRole(IReadOnlyList<string>? tools = null, IReadOnlyList<string>? passEnvironment = null) => new(
        "coder", "Writes code", "You are GitBot's test agent.", tools ?? ["Read", "Write", "Edit", "Bash"],
        "claude-sonnet-4-5", ClaudeBackend.BackendName, [], false, passEnvironment ?? [], "built-in");

    public static RoleDefinition CommandRole(IReadOnlyList<string> command, bool promptOnStdin = false, IReadOnlyList<string>? passEnvironment = null) => new(
        "script", "Runs a script", string.Empty, [], null, CommandBackend.BackendName, command, promptOnStdin, passEnvironment ?? [], "built-in");

    public static AgentRunRequest Request(RoleDefinition role, string prompt, TempDirectory dir, TimeSpan? timeout = null, int maxTurns = 10, decimal budget = 5m) =>
        new($"test/{Guid.NewGuid():N}", role, prompt, WorkDir(dir), Path.Combine(dir.Path, "logs", "run.log"), maxTurns, budget, timeout ?? TimeSpan.FromMinutes(2));

    public static string WorkDir(TempDirectory dir) => Path.Combine(dir.Path, "work");

    public static AgentOptions Options(TempDirectory dir, Uri? baseUrl = null) => new()
    {
        ClaudeExecutable = baseUrl is null ? "claude" : ClaudeExecutable(),
        AnthropicBaseUrl = baseUrl?.ToString().TrimEnd('/'),
        AnthropicApiKey = ApiKey,
        LogRoot = Path.Combine(dir.Path, "logs"),
        HomeRoot = Path.Combine(dir.Path, "homes"),
    };

    public static ClaudeBackend Claude(AgentOptions options) =>
        new(Runner, Microsoft.Extensions.Options.Options.Create(options), NullLogger<ClaudeBackend>.Instance);

    public static CommandBackend Command(AgentOptions options) =>
        new(Runner, Microsoft.Extensions.Options.Options.Create(options), NullLogger<CommandBackend>.Instance);

    /// <summary>A git repository in <c>work/</c> with one commit, like a task worktree.</summary>
    public static async Task InitRepositoryAsync(TempDirectory dir)
    {
        var work = WorkDir(dir);
        Directory.CreateDirectory(work);
        await File.WriteAllTextAsync(Path.Combine(work, "README.md"), "# test\n");
        foreach (string[] args in (string[][])[
            ["init", "-q", "-b", "main"],
            ["-c", "user.name=t", "-c", "user.email=t@example.com", "add", "."],
            ["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "init"]])
        {
            var result = await Runner.RunAsync(new ProcessSpec("git", args, work), CancellationToken.None);
            Assert.True(result.Succeeded, result.StandardError);
        }
    }

    /// <summary>True while a process with this id exists and is not a zombie (a killed, not yet reaped child).</summary>
    public static bool IsAlive(int pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status))
        {
            return false;
        }

        try
        {
            return !File.ReadLines(status).Any(l => l.StartsWith("State:", StringComparison.Ordinal) && l.Contains('Z', StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false;
        }
    }
}
