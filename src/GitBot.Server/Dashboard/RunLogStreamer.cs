using System.Globalization;
using System.Text;
using GitBot.Core.Dashboard;
using GitBot.Core.Runs;
using GitBot.Core.Text;
using Microsoft.Extensions.Options;

namespace GitBot.Server.Dashboard;

/// <summary>
/// A run's log on this node: the scrubbed tail as text, or followed as server-sent events. Guarantees: every byte sent
/// has passed <see cref="SecretScrubber.Scrub"/>; at most the last <see cref="MaxBytes"/> of a file are sent; an event's
/// <c>id</c> is the byte offset after its last line, and a reconnect's <c>Last-Event-ID</c> resumes there, so no line is
/// sent twice; only whole lines are sent until the run is finished, then the rest, then <c>event: end</c>.
/// </summary>
public sealed class RunLogStreamer(IDashboardQueries queries, IOptions<DashboardPageOptions> options, TimeProvider time)
{
    /// <summary>The most of a log one answer carries (its end, where the outcome is).</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    private const int ChunkBytes = 256 * 1024;

    /// <summary>The scrubbed tail as <c>text/plain</c>.</summary>
    public static async Task<IResult> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = Open(path);
        var skipped = Math.Max(0, file.Length - MaxBytes);
        file.Seek(skipped, SeekOrigin.Begin);
        using var reader = new StreamReader(file);
        var text = await reader.ReadToEndAsync(cancellationToken);
        var header = skipped > 0 ? string.Create(CultureInfo.InvariantCulture, $"[the first {skipped} bytes are left out]\n") : string.Empty;
        return Results.Text(header + SecretScrubber.Scrub(text), "text/plain; charset=utf-8");
    }

    /// <summary>Follows <paramref name="path"/> until the run is finished and the file is read, or the request ends.</summary>
    public async Task StreamAsync(HttpContext context, AgentRunRecord run, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(run);
        var response = context.Response;
        var settings = options.Value;
        long offset;
        if (long.TryParse(context.Request.Headers["Last-Event-ID"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var resumed))
        {
            offset = resumed;
        }
        else
        {
            offset = File.Exists(path) ? Math.Max(0, new FileInfo(path).Length - MaxBytes) : 0;
        }

        await ServerSentEvents.StartAsync(response, cancellationToken);
        var quietSince = time.GetUtcNow();
        while (!cancellationToken.IsCancellationRequested)
        {
            // Read the run's state before the file: bytes written before the run was finished are then on disk.
            var current = await queries.GetRunAsync(run.Id, cancellationToken);
            var finished = current is null || !current.IsRunning;
            var chunk = await ReadLinesAsync(path, offset, finished, cancellationToken);
            if (chunk is { } read)
            {
                await ServerSentEvents.WriteAsync(response, "log", read.Lines, read.End.ToString(CultureInfo.InvariantCulture), cancellationToken);
                offset = read.End;
                quietSince = time.GetUtcNow();
                continue;
            }

            if (finished)
            {
                await ServerSentEvents.WriteAsync(response, "end", [current?.State ?? "finished"], offset.ToString(CultureInfo.InvariantCulture), cancellationToken);
                return;
            }

            if (time.GetUtcNow() - quietSince >= settings.KeepAliveInterval)
            {
                await ServerSentEvents.KeepAliveAsync(response, cancellationToken);
                quietSince = time.GetUtcNow();
            }

            await Task.Delay(settings.LogPollInterval, time, cancellationToken);
        }
    }

    /// <summary>New whole lines from <paramref name="offset"/> (and a last partial line when <paramref name="final"/>), scrubbed; null when there are none.</summary>
    private static async Task<(IReadOnlyList<string> Lines, long End)?> ReadLinesAsync(string path, long offset, bool final, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        await using var file = Open(path);
        if (file.Length <= offset)
        {
            return null;
        }

        file.Seek(offset, SeekOrigin.Begin);
        var buffer = new byte[(int)Math.Min(ChunkBytes, file.Length - offset)];
        var count = await file.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        var end = Array.LastIndexOf(buffer, (byte)'\n', count - 1) + 1;
        if (end == 0)
        {
            // No line end: wait for one, unless nothing more will come or the line alone fills a chunk.
            if (!final && count < ChunkBytes)
            {
                return null;
            }

            end = count;
        }
        else if (final && offset + count == file.Length)
        {
            end = count;
        }

        var text = SecretScrubber.Scrub(Encoding.UTF8.GetString(buffer, 0, end));
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count > 1 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return (lines, offset + end);
    }

    private static FileStream Open(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, useAsync: true);
}
