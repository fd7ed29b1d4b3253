using System.Text;

namespace GitBot.Server.Tests.Dashboard.Pages;

/// <summary>A minimal <c>text/event-stream</c> parser over a live response, as a browser reads it.</summary>
internal sealed class SseReader(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream, Encoding.UTF8);

    /// <summary>The next event (comments skipped), or null when the stream ended.</summary>
    public async Task<SseEvent?> NextAsync(CancellationToken cancellationToken)
    {
        string? name = null, id = null;
        var data = new List<string>();
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null || data.Count > 0)
                {
                    return new SseEvent(name ?? "message", id, string.Join('\n', data));
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            if (field == "event")
            {
                name = value;
            }
            else if (field == "id")
            {
                id = value;
            }
            else if (field == "data")
            {
                data.Add(value);
            }
        }

        return null;
    }

    /// <summary>Reads events until one matches, failing after a generous deadline rather than hanging.</summary>
    public async Task<SseEvent> WaitForAsync(Func<SseEvent, bool> match, TimeSpan? within = null)
    {
        using var deadline = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(30));
        while (await NextAsync(deadline.Token) is { } next)
        {
            if (match(next))
            {
                return next;
            }
        }

        throw new InvalidOperationException("The event stream ended without the expected event.");
    }

    public void Dispose() => _reader.Dispose();
}

internal sealed record SseEvent(string Name, string? Id, string Data);
