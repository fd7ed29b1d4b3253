using System.Text;
using GitBot.Core.Text;

namespace GitBot.Agents.Backends;

/// <summary>
/// A run's log file: every line is scrubbed of secrets before it is written; stdout and stderr lines may arrive
/// concurrently and are written whole, one at a time. Lines are flushed as they come so a live tail shows progress.
/// </summary>
internal sealed class AgentRunLog : IAsyncDisposable
{
    private readonly StreamWriter _writer;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private AgentRunLog(StreamWriter writer) => _writer = writer;

    public static AgentRunLog Open(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var stream = new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.Read);
        return new AgentRunLog(new StreamWriter(stream, new UTF8Encoding(false)));
    }

    public ValueTask StdoutAsync(string line) => WriteAsync(line);

    public ValueTask StderrAsync(string line) => WriteAsync("[stderr] " + line);

    public ValueTask NoteAsync(string line) => WriteAsync("[gitbot] " + line);

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        _gate.Dispose();
    }

    private async ValueTask WriteAsync(string line)
    {
        var scrubbed = SecretScrubber.Scrub(line);
        await _gate.WaitAsync();
        try
        {
            await _writer.WriteLineAsync(scrubbed);
            await _writer.FlushAsync();
        }
        finally
        {
            _gate.Release();
        }
    }
}
