using System.Globalization;
using System.Runtime.Versioning;
using System.Text;
using GitBot.Git.Processes;

namespace GitBot.Git.Tests.Processes;

/// <summary>
/// Background processes a child leaves behind: they must neither hold the run past its timeout (by keeping the output
/// pipes open) nor outlive the run. Pids are checked through /proc: a killed process that nobody reaps stays a zombie,
/// which counts as gone.
/// </summary>
public sealed class ProcessRunnerGroupTests
{
    private readonly ProcessRunner _runner = new(TimeProvider.System);

    [Fact]
    public async Task Each_child_leads_its_own_process_group()
    {
        var result = await _runner.RunAsync(new ProcessSpec("sh", ["-c", "read pid comm state ppid pgrp rest < /proc/$$/stat; echo $pid $pgrp"]),
            CancellationToken.None);

        Assert.True(result.Succeeded, result.StandardError);
        var fields = result.StandardOutput.Trim().Split(' ');
        Assert.Equal(fields[0], fields[1]);
    }

    [Fact]
    public async Task Output_held_open_by_a_background_child_does_not_hold_the_run_past_its_timeout()
    {
        // Without the bounded drain the run would wait for sleep's end of output; the deadline turns that into a failure.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var result = await _runner.RunAsync(
            new ProcessSpec("sh", ["-c", "sleep 120 & echo $!; echo done"], Timeout: TimeSpan.FromSeconds(3)), deadline.Token);

        Assert.False(deadline.IsCancellationRequested, "the run ended only because of the test deadline");
        Assert.Equal(ProcessEnd.TimedOut, result.End);
        Assert.True(result.OutputHeldOpen);
        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("done\n", result.StandardOutput, StringComparison.Ordinal);
        await AssertGoneAsync(FirstLinePid(result.StandardOutput));
    }

    [Fact]
    public async Task Streaming_output_held_open_by_a_background_child_does_not_hold_the_run_past_its_timeout()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var output = new MemoryStream();
        var result = await _runner.RunStreamingAsync(
            new ProcessSpec("sh", ["-c", "sleep 120 & echo $!; echo done"], Timeout: TimeSpan.FromSeconds(3)), null, output,
            deadline.Token);

        Assert.False(deadline.IsCancellationRequested, "the run ended only because of the test deadline");
        Assert.Equal(ProcessEnd.TimedOut, result.End);
        Assert.True(result.OutputHeldOpen);
        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.EndsWith("done\n", text, StringComparison.Ordinal);
        await AssertGoneAsync(FirstLinePid(text));
    }

    [Fact]
    public async Task Without_a_timeout_held_output_is_waited_for_briefly_then_its_holder_is_killed()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var result = await _runner.RunAsync(new ProcessSpec("sh", ["-c", "sleep 120 & echo $!; exit 5"]), deadline.Token);

        Assert.False(deadline.IsCancellationRequested, "the run ended only because of the test deadline");
        Assert.Equal(ProcessEnd.Exited, result.End);
        Assert.Equal(5, result.ExitCode);
        Assert.True(result.OutputHeldOpen);
        await AssertGoneAsync(FirstLinePid(result.StandardOutput));
    }

    [Fact]
    public async Task A_background_child_of_a_command_that_exits_normally_is_killed_when_the_run_ends()
    {
        // The grandchild does not hold the output, so the run ends at once; it must not leave sleep running.
        var result = await _runner.RunAsync(
            new ProcessSpec("sh", ["-c", "sleep 120 >/dev/null 2>&1 </dev/null & echo $!"], Timeout: TimeSpan.FromSeconds(30)),
            CancellationToken.None);

        Assert.True(result.Succeeded, result.StandardError);
        Assert.False(result.OutputHeldOpen);
        await AssertGoneAsync(FirstLinePid(result.StandardOutput));
    }

    [Fact]
    public async Task Streaming_run_kills_background_children_of_a_command_that_exits_normally()
    {
        using var output = new MemoryStream();
        var result = await _runner.RunStreamingAsync(
            new ProcessSpec("sh", ["-c", "sleep 120 >/dev/null 2>&1 </dev/null & echo $!"]), null, output, CancellationToken.None);

        Assert.True(result.Succeeded, result.StandardError);
        Assert.False(result.OutputHeldOpen);
        await AssertGoneAsync(FirstLinePid(Encoding.UTF8.GetString(output.ToArray())));
    }

    [Fact]
    public async Task A_background_child_that_left_the_group_cannot_hold_the_run_open()
    {
        // setsid puts sleep in a session of its own, out of reach of the group kill; it keeps the pipes open.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var result = await _runner.RunAsync(new ProcessSpec("sh", ["-c", "setsid sleep 120 & echo $!"]), deadline.Token);
        var pid = FirstLinePid(result.StandardOutput);
        try
        {
            Assert.False(deadline.IsCancellationRequested, "the run ended only because of the test deadline");
            Assert.Equal(ProcessEnd.Exited, result.End);
            Assert.True(result.OutputHeldOpen);
        }
        finally
        {
            using var escaped = System.Diagnostics.Process.GetProcessById(pid);
            escaped.Kill();
        }
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task An_executable_without_execute_permission_fails_to_start()
    {
        using var dir = new GitBot.Testing.TempDirectory();
        var script = Path.Combine(dir.Path, "not-executable.sh");
        await File.WriteAllTextAsync(script, "#!/bin/sh\necho ran\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var result = await _runner.RunAsync(new ProcessSpec(script, []), CancellationToken.None);

        Assert.Equal(ProcessEnd.FailedToStart, result.End);
        Assert.Contains(script, result.StartError, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.StandardOutput);
    }

    private static int FirstLinePid(string output) =>
        int.Parse(output.Split('\n', 2)[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>
    /// SIGKILL is delivered at once but the process dies when next scheduled, so this polls briefly; the run itself
    /// has already returned, which is what the timing guarantee is about.
    /// </summary>
    private static async Task AssertGoneAsync(int pid)
    {
        for (var attempt = 0; attempt < 50 && IsAlive(pid); attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        Assert.False(IsAlive(pid), $"process {pid} outlived the run");
    }

    /// <summary>Alive as far as kill -0 cares, minus zombies (dead, only waiting to be reaped).</summary>
    private static bool IsAlive(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return false;
        }

        // Fields after the command name, which is in parentheses and may contain spaces: the first is the state.
        var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
        return state != "Z" && state != "X";
    }
}
