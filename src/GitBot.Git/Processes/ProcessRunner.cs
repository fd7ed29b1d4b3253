using System.Diagnostics;
using System.Text;

namespace GitBot.Git.Processes;

/// <summary>
/// The one place in GitBot that starts processes (an architecture test keeps it so).
/// Guarantees: no shell; a minimal environment (an allowlist, never a copy of ours); stdout and stderr are
/// read concurrently so a chatty child never deadlocks on a full pipe; on timeout or cancellation the whole
/// process tree is killed before this returns.
/// </summary>
public sealed partial class ProcessRunner
{
    /// <summary>Variables copied from our own environment when present; everything else must be given explicitly.</summary>
    public static readonly IReadOnlyList<string> BaseEnvironmentAllowlist =
        ["PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "TZ", "USER"];

    private readonly TimeProvider _time;

    public ProcessRunner(TimeProvider time) => _time = time;

    /// <summary>Runs the process to its end, calling <paramref name="onOutputLine"/> for every stdout line as it arrives.</summary>
    public Task<ProcessResult> RunAsync(
        ProcessSpec spec,
        Func<string, ValueTask>? onOutputLine,
        CancellationToken cancellationToken) =>
        RunAsync(spec, onOutputLine, null, cancellationToken);

    /// <summary>
    /// Runs the process to its end, calling <paramref name="onOutputLine"/> for every stdout line and
    /// <paramref name="onErrorLine"/> for every stderr line as they arrive. The two streams are read concurrently,
    /// so the callbacks may run at the same time as each other (each is called for its own lines in order).
    /// Every line is also collected in the result.
    /// </summary>
    public async Task<ProcessResult> RunAsync(
        ProcessSpec spec,
        Func<string, ValueTask>? onOutputLine,
        Func<string, ValueTask>? onErrorLine,
        CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        using var process = TryStart(spec, out var startError);
        if (process is null)
        {
            return Failed(spec, startError, started);
        }

        using var timeout = spec.Timeout is { } t ? new CancellationTokenSource(t, _time) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var readOut = PumpAsync(process.StandardOutput, stdout, onOutputLine);
        var readErr = PumpAsync(process.StandardError, stderr, onErrorLine);
        await WriteInputAsync(process, spec.StandardInput);

        var end = ProcessEnd.Exited;
        try
        {
            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            end = cancellationToken.IsCancellationRequested ? ProcessEnd.Cancelled : ProcessEnd.TimedOut;
            KillTree(process);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        await Task.WhenAll(readOut, readErr);
        var exitCode = process.HasExited ? process.ExitCode : -1;
        return new ProcessResult(exitCode, stdout.ToString(), stderr.ToString(), _time.GetElapsedTime(started), end);
    }

    /// <summary>Runs the process and collects its output.</summary>
    public Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken) =>
        RunAsync(spec, null, null, cancellationToken);

    /// <summary>Starts the process, or returns null with the reason it could not start. The caller disposes it.</summary>
    private static Process? TryStart(ProcessSpec spec, out string error)
    {
        var process = new Process { StartInfo = BuildStartInfo(spec) };
        try
        {
            if (process.Start())
            {
                error = string.Empty;
                return process;
            }

            error = "the process did not start";
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            error = ex.Message;
        }
        catch (InvalidOperationException ex)
        {
            error = ex.Message;
        }

        process.Dispose();
        return null;
    }

    private ProcessResult Failed(ProcessSpec spec, string why, long started) =>
        new(-1, string.Empty, string.Empty, _time.GetElapsedTime(started), ProcessEnd.FailedToStart,
            $"could not start '{spec.FileName}': {why}");

    private static ProcessStartInfo BuildStartInfo(ProcessSpec spec)
    {
        var info = new ProcessStartInfo(spec.FileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = spec.WorkingDirectory ?? string.Empty,
        };
        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Start from nothing: ProcessStartInfo.Environment is pre-filled with our whole environment.
        info.Environment.Clear();
        foreach (var name in BaseEnvironmentAllowlist)
        {
            var value = System.Environment.GetEnvironmentVariable(name);
            if (value is not null)
            {
                info.Environment[name] = value;
            }
        }

        if (spec.Environment is not null)
        {
            foreach (var (name, value) in spec.Environment)
            {
                info.Environment[name] = value;
            }
        }

        return info;
    }

    private static async Task WriteInputAsync(Process process, string? input)
    {
        try
        {
            if (input is not null)
            {
                await process.StandardInput.WriteAsync(input);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child exited without reading its input; its exit code tells the story.
        }
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder sink, Func<string, ValueTask>? onLine)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            sink.Append(line).Append('\n');
            if (onLine is not null)
            {
                await onLine(line);
            }
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited between the cancellation and the kill.
        }
    }
}
