using System.Diagnostics;

namespace ReviewBench;

/// <summary>One HTTP request GitBot made (GitHub client or model), timed where it left and came back.</summary>
/// <param name="Start">Stopwatch timestamp when it was sent.</param>
/// <param name="Milliseconds">How long until the whole response was in.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path and query.</param>
/// <param name="Label">What it was (for model calls: which agent asked).</param>
internal sealed record HttpCall(long Start, double Milliseconds, string Method, string Path, string Label)
{
    public long End => Start + (long)(Milliseconds * Stopwatch.Frequency / 1000);
}

/// <summary>Every call recorded, oldest first; thread-safe.</summary>
internal sealed class HttpLog
{
    private readonly Lock _gate = new();
    private readonly List<HttpCall> _calls = [];

    public void Add(HttpCall call)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }
    }

    /// <summary>Calls that started in [<paramref name="from"/>, <paramref name="to"/>] (Stopwatch timestamps).</summary>
    public IReadOnlyList<HttpCall> Between(long from, long to)
    {
        lock (_gate)
        {
            return [.. _calls.Where(c => c.Start >= from && c.Start <= to)];
        }
    }
}

/// <summary>Times every request of GitBot's GitHub client (added to every IHttpClientFactory pipeline).</summary>
internal sealed class RecordingHandler(HttpLog log) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var response = await base.SendAsync(request, cancellationToken);
        // The GitHub client reads bodies after this returns; buffering here makes the figure include the body.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        log.Add(new HttpCall(start, Stopwatch.GetElapsedTime(start).TotalMilliseconds, request.Method.Method, request.RequestUri?.PathAndQuery ?? "", "github"));
        return response;
    }
}
