using GitBot.Git.Processes;

namespace GitBot.Git.Tests.Processes;

public sealed class ProcessRunnerTests
{
    private readonly ProcessRunner _runner = new(TimeProvider.System);

    [Fact]
    public async Task Runs_a_real_process_and_captures_exit_code_and_output()
    {
        var result = await _runner.RunAsync(
            new ProcessSpec("sh", ["-c", "echo out; echo err >&2; exit 3"]), CancellationToken.None);

        Assert.Equal(ProcessEnd.Exited, result.End);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("out\n", result.StandardOutput);
        Assert.Equal("err\n", result.StandardError);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Arguments_are_an_argv_never_interpreted_by_a_shell()
    {
        const string hostile = "$(touch /tmp/gitbot-pwned); `id`; echo hi | cat";
        var result = await _runner.RunAsync(new ProcessSpec("printf", ["%s", hostile]), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(hostile, result.StandardOutput.TrimEnd('\n'));
    }

    [Fact]
    public async Task Child_gets_only_allowlisted_and_explicit_environment()
    {
        Environment.SetEnvironmentVariable("GITBOT_TEST_SECRET_SHOULD_NOT_LEAK", "s3cret");
        try
        {
            var result = await _runner.RunAsync(
                new ProcessSpec("env", [], Environment: new Dictionary<string, string> { ["GITBOT_EXPLICIT"] = "yes" }),
                CancellationToken.None);

            Assert.True(result.Succeeded);
            Assert.DoesNotContain("s3cret", result.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("GITBOT_EXPLICIT=yes", result.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("PATH=", result.StandardOutput, StringComparison.Ordinal);
            var names = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=')[0]);
            Assert.All(names, n => Assert.True(
                n == "GITBOT_EXPLICIT" || ProcessRunner.BaseEnvironmentAllowlist.Contains(n), $"unexpected variable {n}"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("GITBOT_TEST_SECRET_SHOULD_NOT_LEAK", null);
        }
    }

    [Fact]
    public async Task Timeout_kills_the_whole_process_tree()
    {
        using var dir = new GitBot.Testing.TempDirectory();
        var marker = Path.Combine(dir.Path, "grandchild-alive");
        // The grandchild would create the marker after 3 s if it survived the kill.
        var result = await _runner.RunAsync(
            new ProcessSpec("sh", ["-c", $"(sleep 3; touch '{marker}') & sleep 30"], Timeout: TimeSpan.FromMilliseconds(300)),
            CancellationToken.None);

        Assert.Equal(ProcessEnd.TimedOut, result.End);
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.False(File.Exists(marker), "the grandchild outlived the timeout kill");
    }

    [Fact]
    public async Task Input_the_child_never_reads_does_not_hold_the_run_past_its_timeout()
    {
        // Far more than a pipe holds: writing it all first would block until the child read it, which it never does.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var result = await _runner.RunAsync(
            new ProcessSpec("sleep", ["120"], Timeout: TimeSpan.FromMilliseconds(500), StandardInput: new string('x', 4 * 1024 * 1024)),
            deadline.Token);

        Assert.False(deadline.IsCancellationRequested, "the run ended only because of the test deadline");
        Assert.Equal(ProcessEnd.TimedOut, result.End);
    }

    [Fact]
    public async Task Cancellation_kills_the_process_and_reports_cancelled()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var result = await _runner.RunAsync(new ProcessSpec("sleep", ["30"]), cts.Token);

        Assert.Equal(ProcessEnd.Cancelled, result.End);
    }

    [Fact]
    public async Task Missing_executable_is_an_outcome_not_an_exception()
    {
        var result = await _runner.RunAsync(new ProcessSpec("gitbot-no-such-binary", []), CancellationToken.None);

        Assert.Equal(ProcessEnd.FailedToStart, result.End);
        Assert.Contains("gitbot-no-such-binary", result.StartError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stdin_is_delivered_and_stdout_lines_stream_to_the_callback()
    {
        var lines = new List<string>();
        var result = await _runner.RunAsync(
            new ProcessSpec("cat", [], StandardInput: "one\ntwo\n"),
            line =>
            {
                lines.Add(line);
                return ValueTask.CompletedTask;
            },
            CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(["one", "two"], lines);
    }

    [Fact]
    public async Task Stderr_lines_stream_to_their_own_callback()
    {
        var outLines = new List<string>();
        var errLines = new List<string>();
        var result = await _runner.RunAsync(
            new ProcessSpec("sh", ["-c", "echo o1; echo e1 >&2; echo o2; echo e2 >&2; exit 1"]),
            line =>
            {
                outLines.Add(line);
                return ValueTask.CompletedTask;
            },
            line =>
            {
                errLines.Add(line);
                return ValueTask.CompletedTask;
            },
            CancellationToken.None);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["o1", "o2"], outLines);
        Assert.Equal(["e1", "e2"], errLines);
        Assert.Equal("e1\ne2\n", result.StandardError);
    }
}
