using System.Diagnostics;
using System.Text;

namespace GitBot.Git.Processes;

/// <summary>Binary streaming for CGI-like children (<c>git http-backend</c>, <c>git upload-pack --stateless-rpc</c>).</summary>
public sealed partial class ProcessRunner
{
    private const int CopyBufferSize = 81920;

    /// <summary>
    /// Runs the process with its stdin fed from <paramref name="standardInput"/> (copied to the end, then closed; when null,
    /// <see cref="ProcessSpec.StandardInput"/> is written instead, or stdin is just closed) and its raw stdout bytes copied
    /// to <paramref name="standardOutput"/> as they arrive. Stderr is collected as text in the result;
    /// <see cref="ProcessResult.StandardOutput"/> is empty. Input and output are copied concurrently, so a child that writes
    /// before it has read everything never deadlocks.
    /// </summary>
    /// <remarks>
    /// Same guarantees as <see cref="RunAsync(ProcessSpec, CancellationToken)"/>: no shell, allowlisted environment,
    /// on timeout or cancellation the whole process tree is killed before this returns, output held open by background
    /// processes does not hold up the result past the timeout, and nothing the run started is left running. The timeout also covers a
    /// slow reader of <paramref name="standardOutput"/>. When reading <paramref name="standardInput"/> or writing
    /// <paramref name="standardOutput"/> fails (the client went away), the tree is killed too and the result says
    /// <see cref="ProcessEnd.Cancelled"/>, with the failure appended to <see cref="ProcessResult.StandardError"/>.
    /// A child that exits without reading all its input is not an error: its exit code tells the story.
    /// <paramref name="standardOutput"/> is flushed but not closed.
    /// </remarks>
    public async Task<ProcessResult> RunStreamingAsync(
        ProcessSpec spec,
        Stream? standardInput,
        Stream standardOutput,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(standardOutput);
        var started = _time.GetTimestamp();
        using var process = TryStart(spec, out var startError, out var grouped);
        if (process is null)
        {
            return Failed(spec, startError, started);
        }

        using var timeout = spec.Timeout is { } t ? new CancellationTokenSource(t, _time) : new CancellationTokenSource();
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var stop = new CancellationTokenSource();
        using var copying = CancellationTokenSource.CreateLinkedTokenSource(abort.Token, stop.Token);
        var failures = new StreamFailures(abort);

        var stderr = new StringBuilder();
        var readErr = PumpAsync(process.StandardError, stderr, null, stop.Token);
        var copyOut = CopyOutputAsync(process.StandardOutput.BaseStream, standardOutput, failures, copying.Token);
        var copyIn = standardInput is null
            ? WriteInputAsync(process, spec.StandardInput, stop.Token)
            : CopyInputAsync(standardInput, process, failures, copying.Token);

        var end = ProcessEnd.Exited;
        var heldOpen = false;
        try
        {
            var exited = await WaitForExitAsync(process, abort.Token);
            if (exited)
            {
                // The copy gives up when abort fires, so it must also have reached the end of the output by itself.
                heldOpen = !await DrainAsync(Task.WhenAll(readErr, copyOut), spec.Timeout is not null, abort.Token)
                    || (!await copyOut && failures.Message is null);
            }

            if (!exited || (heldOpen && abort.IsCancellationRequested))
            {
                end = timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested && failures.Message is null
                    ? ProcessEnd.TimedOut
                    : ProcessEnd.Cancelled;
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

        await EndReadersAsync(Task.WhenAll(readErr, copyOut, copyIn), stop);
        if (failures.Message is { } failure)
        {
            end = ProcessEnd.Cancelled;
            stderr.Append(failure).Append('\n');
        }

        var exitCode = process.HasExited ? process.ExitCode : -1;
        var errorText = stderr.ToString();
        return grouped && end == ProcessEnd.Exited && ProcessGroups.IsExecFailure(exitCode, errorText)
            ? Failed(spec, errorText["setsid: ".Length..].TrimEnd('\n'), started)
            : new ProcessResult(exitCode, string.Empty, errorText, _time.GetElapsedTime(started), end, OutputHeldOpen: heldOpen);
    }

    /// <summary>Copies the child's stdout to the caller's stream; true when it reached the end of the output.</summary>
    private static async Task<bool> CopyOutputAsync(Stream childStdout, Stream sink, StreamFailures failures, CancellationToken cancellationToken)
    {
        var buffer = new byte[CopyBufferSize];
        try
        {
            int read;
            while ((read = await childStdout.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (!await TryWriteAsync(sink, buffer.AsMemory(0, read), failures, cancellationToken))
                {
                    return false;
                }
            }

            return await TryWriteAsync(sink, ReadOnlyMemory<byte>.Empty, failures, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Timeout or cancellation: the caller kills the tree.
            return false;
        }
        catch (IOException)
        {
            // The child's stdout closed under us (the tree was killed).
            return false;
        }
    }

    /// <summary>Writes (or, given nothing, flushes) the caller's stream; false after recording a failure.</summary>
    private static async Task<bool> TryWriteAsync(Stream sink, ReadOnlyMemory<byte> bytes, StreamFailures failures,
        CancellationToken cancellationToken)
    {
        try
        {
            if (bytes.IsEmpty)
            {
                await sink.FlushAsync(cancellationToken);
            }
            else
            {
                await sink.WriteAsync(bytes, cancellationToken);
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Any failure of the caller's stream (IOException, HttpListenerException, ObjectDisposedException…) means
            // nobody is listening any more.
            failures.Fail("writing the output stream failed: " + ex.Message);
            return false;
        }
    }

    private static async Task CopyInputAsync(Stream source, Process process, StreamFailures failures, CancellationToken cancellationToken)
    {
        var childStdin = process.StandardInput.BaseStream;
        var buffer = new byte[CopyBufferSize];
        try
        {
            while (true)
            {
                int read;
                try
                {
                    read = await source.ReadAsync(buffer, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failures.Fail("reading the input stream failed: " + ex.Message);
                    return;
                }

                if (read == 0)
                {
                    break;
                }

                await childStdin.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            await childStdin.FlushAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Timeout or cancellation: the caller kills the tree.
        }
        catch (IOException)
        {
            // The child exited (or closed stdin) without reading everything; its exit code tells the story.
        }
        finally
        {
            CloseQuietly(process);
        }
    }

    private static void CloseQuietly(Process process)
    {
        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Broken pipe on the final flush: the child is gone.
        }
    }

    /// <summary>The first failure of a caller's stream; recording it aborts the run.</summary>
    private sealed class StreamFailures(CancellationTokenSource abort)
    {
        private string? _message;

        public string? Message => Volatile.Read(ref _message);

        public void Fail(string message)
        {
            Interlocked.CompareExchange(ref _message, message, null);
            try
            {
                abort.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The run already finished.
            }
        }
    }
}
