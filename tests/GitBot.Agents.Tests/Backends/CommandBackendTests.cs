using GitBot.Agents.Runs;
using GitBot.Testing;

namespace GitBot.Agents.Tests.Backends;

public sealed class CommandBackendTests
{
    private const string HostilePrompt = "fix it $(touch pwned) `touch pwned2`; echo \"x\" | rm -rf / -- --flag";

    [Fact]
    public async Task The_prompt_is_one_argument_never_shell_text()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(AgentTestSupport.WorkDir(dir));
        var backend = AgentTestSupport.Command(AgentTestSupport.Options(dir));

        var result = await backend.RunAsync(
            AgentTestSupport.Request(AgentTestSupport.CommandRole(["printf", "[%s]", "task: {prompt}"]), HostilePrompt, dir), CancellationToken.None);

        Assert.Equal(AgentOutcome.Succeeded, result.Outcome);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"[task: {HostilePrompt}]", result.Summary);
        Assert.False(File.Exists(Path.Combine(AgentTestSupport.WorkDir(dir), "pwned")));
        Assert.Contains($"[task: {HostilePrompt}]", await File.ReadAllTextAsync(Path.Combine(dir.Path, "logs", "run.log")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_prompt_can_go_on_stdin()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(AgentTestSupport.WorkDir(dir));
        var backend = AgentTestSupport.Command(AgentTestSupport.Options(dir));

        var result = await backend.RunAsync(
            AgentTestSupport.Request(AgentTestSupport.CommandRole(["cat"], promptOnStdin: true), "line one\n" + HostilePrompt, dir), CancellationToken.None);

        Assert.Equal(AgentOutcome.Succeeded, result.Outcome);
        Assert.Equal("line one\n" + HostilePrompt, result.Summary);
    }

    [Fact]
    public async Task A_non_zero_exit_fails_with_the_tail_of_stderr()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(AgentTestSupport.WorkDir(dir));
        var backend = AgentTestSupport.Command(AgentTestSupport.Options(dir));

        var result = await backend.RunAsync(
            AgentTestSupport.Request(AgentTestSupport.CommandRole(["sh", "-c", "echo working; echo 'compile error in x.cs' >&2; exit 3"]), "p", dir),
            CancellationToken.None);

        Assert.Equal(AgentOutcome.Failed, result.Outcome);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("compile error in x.cs", result.Summary, StringComparison.Ordinal);
        Assert.Contains("[stderr] compile error in x.cs", await File.ReadAllTextAsync(Path.Combine(dir.Path, "logs", "run.log")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_executable_fails_to_start()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(AgentTestSupport.WorkDir(dir));
        var backend = AgentTestSupport.Command(AgentTestSupport.Options(dir));

        var result = await backend.RunAsync(
            AgentTestSupport.Request(AgentTestSupport.CommandRole(["/nonexistent/agent-cli", "{prompt}"]), "p", dir), CancellationToken.None);

        Assert.Equal(AgentOutcome.FailedToStart, result.Outcome);
        Assert.Null(result.ExitCode);
        Assert.Contains("/nonexistent/agent-cli", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timeout_kills_the_child_and_its_grandchild()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(AgentTestSupport.WorkDir(dir));
        var backend = AgentTestSupport.Command(AgentTestSupport.Options(dir));
        var script = "echo $$ > shell.pid; sleep 600 & echo $! > sleep.pid; wait";

        var result = await backend.RunAsync(
            AgentTestSupport.Request(AgentTestSupport.CommandRole(["sh", "-c", script]), "p", dir, timeout: TimeSpan.FromSeconds(2)),
            CancellationToken.None);

        Assert.Equal(AgentOutcome.TimedOut, result.Outcome);
        Assert.Null(result.ExitCode);
        var shell = int.Parse(await File.ReadAllTextAsync(Path.Combine(AgentTestSupport.WorkDir(dir), "shell.pid")), System.Globalization.CultureInfo.InvariantCulture);
        var sleep = int.Parse(await File.ReadAllTextAsync(Path.Combine(AgentTestSupport.WorkDir(dir), "sleep.pid")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(AgentTestSupport.IsAlive(shell), $"the agent process {shell} survived its timeout");
        Assert.False(AgentTestSupport.IsAlive(sleep), $"the agent's child {sleep} survived its timeout");
    }

    [Fact]
    public async Task Cancellation_kills_the_run_and_says_so()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(AgentTestSupport.WorkDir(dir));
        var backend = AgentTestSupport.Command(AgentTestSupport.Options(dir));
        using var cancel = new CancellationTokenSource();

        var run = backend.RunAsync(
            AgentTestSupport.Request(AgentTestSupport.CommandRole(["sh", "-c", "echo started; sleep 600"]), "p", dir), cancel.Token);
        var log = Path.Combine(dir.Path, "logs", "run.log");
        for (var waited = 0; !File.Exists(log) || !(await File.ReadAllTextAsync(log)).Contains("started", StringComparison.Ordinal); waited++)
        {
            Assert.True(waited < 600, "the agent never started");
            await Task.Delay(50);
        }

        await cancel.CancelAsync();
        var result = await run;

        Assert.Equal(AgentOutcome.Cancelled, result.Outcome);
    }
}
