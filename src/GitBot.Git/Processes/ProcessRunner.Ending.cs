using System.Diagnostics;
using System.Text;

namespace GitBot.Git.Processes;

/// <summary>How a run ends: feeding input, reading output, and making sure nothing outlives it.</summary>
public sealed partial class ProcessRunner
{
    /// <summary>How long output may stay open after the main process exited, when the spec has no timeout.</summary>
    private static readonly TimeSpan DrainGraceWithoutTimeout = TimeSpan.FromSeconds(2);

    /// <summary>How long the readers get to reach the end of the output once the group has been killed.</summary>
    private static readonly TimeSpan ReadersGraceAfterKill = TimeSpan.FromSeconds(2);

    /// <summary>True when the main process exited; false when <paramref name="cancellationToken"/> fired first.</summary>
    private static async Task<bool> WaitForExitAsync(Process process, CancellationToken cancellationToken)
    {
        try
        {
            await process.WaitForExitAsync(cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// After the main process exited: waits for the output to reach its end, but only until <paramref name="limit"/>
    /// fires (the timeout or the caller), or for a short grace when the spec has no timeout. False when something it
    /// left behind still holds the output open. A reader's own failure (a callback threw) propagates.
    /// </summary>
    private async Task<bool> DrainAsync(Task readers, bool hasTimeout, CancellationToken limit)
    {
        try
        {
            await readers.WaitAsync(hasTimeout ? Timeout.InfiniteTimeSpan : DrainGraceWithoutTimeout, _time, limit);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// Lets the readers collect what is left in the pipes once the group is dead. If the output is still open after a
    /// grace (a process that left the group holds it), stops reading and keeps what arrived, so the run still returns.
    /// </summary>
    private async Task EndReadersAsync(Task readers, CancellationTokenSource stop)
    {
        try
        {
            await readers.WaitAsync(ReadersGraceAfterKill, _time);
            return;
        }
        catch (TimeoutException)
        {
            await stop.CancelAsync();
        }

        await readers;
    }

    /// <summary>Kills the tree (which finds descendants that left the group) and then the group (which finds reparented ones).</summary>
    private static void KillTree(Process process, bool grouped)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited between the cancellation and the kill.
        }

        KillGroup(process, grouped);
    }

    private static void KillGroup(Process process, bool grouped)
    {
        if (grouped)
        {
            ProcessGroups.KillGroup(process.Id);
        }
    }

    private static async Task WriteInputAsync(Process process, string? input, CancellationToken cancellationToken)
    {
        try
        {
            if (input is not null)
            {
                await process.StandardInput.WriteAsync(input.AsMemory(), cancellationToken);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child exited (or was killed) without reading its input; its exit code tells the story.
        }
        catch (OperationCanceledException)
        {
            // Nobody will ever read it: the run is over.
        }
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder sink, Func<string, ValueTask>? onLine,
        CancellationToken cancellationToken)
    {
        try
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                sink.Append(line).Append('\n');
                if (onLine is not null)
                {
                    await onLine(line);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The output stayed open after everything we could kill was dead: keep what arrived.
        }
    }
}
