using System.Diagnostics;
using System.Text;

namespace GitBot.Git.Processes;

/// <summary>
/// The one place in GitBot that starts processes (an architecture test keeps it so).
/// Guarantees: no shell; a minimal environment (an allowlist, never a copy of ours); stdout and stderr are
/// read concurrently so a chatty child never deadlocks on a full pipe; on timeout or cancellation the whole
/// process tree is killed before this returns.
/// </summary>
/// <remarks>
/// Where setsid exists (Linux; see <see cref="ProcessGroups"/>) each child also leads a process group of its own, and:
/// <list type="bullet">
/// <item>The timeout bounds the whole run, not just the main process: background processes it left holding stdout or
/// stderr open are waited for only until the timeout (2 s when there is none), then killed. The result then says
/// <see cref="ProcessResult.OutputHeldOpen"/>, and <see cref="ProcessEnd.TimedOut"/> when the timeout passed.</item>
/// <item>A run never leaves processes behind: when it ends, however it ends, everything still in its group is
/// killed, including background grandchildren of a command that exited normally.</item>
/// </list>
/// Out of reach: a descendant that deliberately leaves the group (its own setsid or setpgid, as daemons do) is
/// killed only while it is still in the tree; it does not delay the result beyond the limits above.
/// Without setsid only the tree kill applies, so reparented grandchildren may survive (the time limits still hold).
/// </remarks>
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
        ArgumentNullException.ThrowIfNull(spec);
        var started = _time.GetTimestamp();
        using var process = TryStart(spec, out var startError, out var grouped);
        if (process is null)
        {
            return Failed(spec, startError, started);
        }

        using var timeout = spec.Timeout is { } t ? new CancellationTokenSource(t, _time) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var stop = new CancellationTokenSource();

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var readers = Task.WhenAll(
            PumpAsync(process.StandardOutput, stdout, onOutputLine, stop.Token),
            PumpAsync(process.StandardError, stderr, onErrorLine, stop.Token));

        // Written concurrently: a child that never reads its input cannot block the wait for its exit.
        var writer = WriteInputAsync(process, spec.StandardInput, stop.Token);

        var end = ProcessEnd.Exited;
        var heldOpen = false;
        try
        {
            var exited = await WaitForExitAsync(process, linked.Token);
            if (exited)
            {
                heldOpen = !await DrainAsync(readers, spec.Timeout is not null, linked.Token);
            }

            if (!exited || (heldOpen && linked.IsCancellationRequested))
            {
                end = cancellationToken.IsCancellationRequested ? ProcessEnd.Cancelled : ProcessEnd.TimedOut;
            }

            if (!exited)
            {
                KillTree(process, grouped);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }
        finally
        {
            // Guarantee: however the run ends, nothing it started is left running in its group.
            KillGroup(process, grouped);
        }

        await EndReadersAsync(Task.WhenAll(readers, writer), stop);
        var exitCode = process.HasExited ? process.ExitCode : -1;
        var errorText = stderr.ToString();
        return grouped && end == ProcessEnd.Exited && ProcessGroups.IsExecFailure(exitCode, errorText)
            ? Failed(spec, errorText["setsid: ".Length..].TrimEnd('\n'), started)
            : new ProcessResult(exitCode, stdout.ToString(), errorText, _time.GetElapsedTime(started), end, OutputHeldOpen: heldOpen);
    }

    /// <summary>Runs the process and collects its output.</summary>
    public Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken) =>
        RunAsync(spec, null, null, cancellationToken);

    /// <summary>
    /// Starts the process, or returns null with the reason it could not start. The caller disposes it.
    /// <paramref name="grouped"/> says whether it leads a process group of its own (its pid is the group id).
    /// </summary>
    private static Process? TryStart(ProcessSpec spec, out string error, out bool grouped)
    {
        grouped = false;
        string? executable = null;
        if (!OperatingSystem.IsWindows() && ProcessGroups.Setsid is not null)
        {
            executable = ProcessGroups.ResolveExecutable(spec.FileName);
            if (executable is null)
            {
                error = "No such file or directory";
                return null;
            }
        }

        var process = new Process { StartInfo = BuildStartInfo(spec, executable) };
        try
        {
            if (process.Start())
            {
                grouped = executable is not null;
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

    /// <summary>
    /// The start info for <paramref name="spec"/>; given the resolved <paramref name="executable"/>, it runs under
    /// setsid (see <see cref="ProcessGroups"/>) with the executable as setsid's first argument, still as an argv.
    /// </summary>
    private static ProcessStartInfo BuildStartInfo(ProcessSpec spec, string? executable)
    {
        var info = new ProcessStartInfo(executable is null ? spec.FileName : ProcessGroups.Setsid!)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = spec.WorkingDirectory ?? string.Empty,
        };
        if (executable is not null)
        {
            info.ArgumentList.Add(executable);
        }

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
}
