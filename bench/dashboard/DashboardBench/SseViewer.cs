using System.Diagnostics;

namespace DashboardBench;

/// <summary>
/// One dashboard viewer: an open <c>text/event-stream</c> request that records, for every <c>live</c> event, the
/// <see cref="Stopwatch"/> timestamp it arrived at.
/// </summary>
internal sealed class SseViewer(HttpClient client, string path, string adminToken)
{
    private readonly List<long> _arrivals = [];
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Connected => _connected.Task;

    public int Events
    {
        get
        {
            lock (_arrivals)
            {
                return _arrivals.Count;
            }
        }
    }

    /// <summary>Arrival timestamps of live events after <paramref name="since"/>.</summary>
    public long? FirstArrivalAfter(long since)
    {
        lock (_arrivals)
        {
            foreach (var arrival in _arrivals)
            {
                if (arrival >= since)
                {
                    return arrival;
                }
            }
        }

        return null;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", adminToken);
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            _connected.TrySetException(new InvalidOperationException($"{path} answered {(int)response.StatusCode}"));
            return;
        }

        _connected.TrySetResult();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream);
        string? eventName = null;
        try
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    eventName = line["event:".Length..].Trim();
                }
                else if (line.Length == 0)
                {
                    if (eventName == "live")
                    {
                        var now = Stopwatch.GetTimestamp();
                        lock (_arrivals)
                        {
                            _arrivals.Add(now);
                        }
                    }

                    eventName = null;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The bench hung up.
        }
    }
}
