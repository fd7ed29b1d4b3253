using System.Security.Cryptography;
using System.Text;
using GitBot.Git.Processes;

namespace GitBot.Git.Tests.Processes;

public sealed class ProcessRunnerStreamingTests
{
    private readonly ProcessRunner _runner = new(TimeProvider.System);

    [Fact]
    public async Task Binary_input_and_output_stream_through_unchanged_even_when_larger_than_a_pipe()
    {
        // 5 MB through cat: cat writes long before it has read everything, so sequential copying would deadlock.
        var input = RandomNumberGenerator.GetBytes(5 * 1024 * 1024);
        using var output = new MemoryStream();

        var result = await _runner.RunStreamingAsync(new ProcessSpec("cat", []), new MemoryStream(input), output, CancellationToken.None);

        Assert.True(result.Succeeded, result.StandardError);
        Assert.Equal(input.Length, output.Length);
        Assert.True(input.AsSpan().SequenceEqual(output.ToArray()), "the bytes changed on the way through");
        Assert.Equal(string.Empty, result.StandardOutput);
    }

    [Fact]
    public async Task Stderr_is_collected_as_text_and_the_exit_code_reported()
    {
        using var output = new MemoryStream();
        var result = await _runner.RunStreamingAsync(
            new ProcessSpec("sh", ["-c", "printf 'a\\000b'; echo oops >&2; exit 4"]), null, output, CancellationToken.None);

        Assert.Equal(ProcessEnd.Exited, result.End);
        Assert.Equal(4, result.ExitCode);
        Assert.Equal("oops\n", result.StandardError);
        Assert.Equal(new byte[] { (byte)'a', 0, (byte)'b' }, output.ToArray());
    }

    [Fact]
    public async Task Without_an_input_stream_the_spec_text_is_written_to_stdin()
    {
        using var output = new MemoryStream();
        var result = await _runner.RunStreamingAsync(new ProcessSpec("cat", [], StandardInput: "from the spec\n"), null, output,
            CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("from the spec\n", Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public async Task A_child_that_ignores_its_input_is_not_an_error()
    {
        using var output = new MemoryStream();
        var result = await _runner.RunStreamingAsync(
            new ProcessSpec("sh", ["-c", "echo done"]), new MemoryStream(new byte[4 * 1024 * 1024]), output, CancellationToken.None);

        Assert.True(result.Succeeded, result.StandardError);
        Assert.Equal("done\n", Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public async Task Child_gets_only_allowlisted_and_explicit_environment()
    {
        Environment.SetEnvironmentVariable("GITBOT_STREAM_SECRET_SHOULD_NOT_LEAK", "s3cret");
        try
        {
            using var output = new MemoryStream();
            var result = await _runner.RunStreamingAsync(
                new ProcessSpec("env", [], Environment: new Dictionary<string, string> { ["REQUEST_METHOD"] = "GET" }),
                null, output, CancellationToken.None);

            var text = Encoding.UTF8.GetString(output.ToArray());
            Assert.True(result.Succeeded);
            Assert.DoesNotContain("s3cret", text, StringComparison.Ordinal);
            Assert.Contains("REQUEST_METHOD=GET", text, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("GITBOT_STREAM_SECRET_SHOULD_NOT_LEAK", null);
        }
    }

    [Fact]
    public async Task Timeout_kills_the_whole_process_tree()
    {
        using var dir = new GitBot.Testing.TempDirectory();
        var marker = Path.Combine(dir.Path, "grandchild-alive");
        using var output = new MemoryStream();

        var result = await _runner.RunStreamingAsync(
            new ProcessSpec("sh", ["-c", $"(sleep 3; touch '{marker}') & sleep 30"], Timeout: TimeSpan.FromMilliseconds(300)),
            null, output, CancellationToken.None);

        Assert.Equal(ProcessEnd.TimedOut, result.End);
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.False(File.Exists(marker), "the grandchild outlived the timeout kill");
    }

    [Fact]
    public async Task Cancellation_while_waiting_for_input_kills_the_process()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        using var output = new MemoryStream();
        // An input stream that never ends: the child (cat) waits on stdin until it is killed.
        using var pipe = new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.In);

        var result = await _runner.RunStreamingAsync(new ProcessSpec("cat", []), pipe, output, cts.Token);

        Assert.Equal(ProcessEnd.Cancelled, result.End);
    }

    [Fact]
    public async Task A_failing_output_stream_kills_the_child_and_says_why()
    {
        using var output = new FailingStream(allowedWrites: 2);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        // yes never stops by itself; only the kill after the failed write ends it.
        var result = await _runner.RunStreamingAsync(new ProcessSpec("yes", []), null, output, deadline.Token);

        Assert.False(deadline.IsCancellationRequested, "the run ended only because of the test deadline");
        Assert.Equal(ProcessEnd.Cancelled, result.End);
        Assert.Contains("writing the output stream failed", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_executable_is_an_outcome_not_an_exception()
    {
        using var output = new MemoryStream();
        var result = await _runner.RunStreamingAsync(new ProcessSpec("gitbot-no-such-binary", []), null, output, CancellationToken.None);

        Assert.Equal(ProcessEnd.FailedToStart, result.End);
        Assert.Contains("gitbot-no-such-binary", result.StartError, StringComparison.Ordinal);
    }

    /// <summary>A client that goes away: the first writes succeed, then every write throws.</summary>
    private sealed class FailingStream(int allowedWrites) : MemoryStream
    {
        private int _writes;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            ++_writes > allowedWrites ? throw new IOException("connection reset by peer") : base.WriteAsync(buffer, cancellationToken);
    }
}
