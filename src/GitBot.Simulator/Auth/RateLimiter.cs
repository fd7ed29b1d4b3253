using System.Collections.Concurrent;

namespace GitBot.Simulator.Auth;

/// <summary>GitHub's primary rate limit: an hourly budget per credential, spent by every counted request.</summary>
internal sealed class RateLimiter
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly int _limit;

    public RateLimiter(TimeProvider time, int limit)
    {
        _time = time;
        _limit = limit;
    }

    /// <summary>The budget after optionally spending one request. Spending is refused (false) when nothing is left.</summary>
    public (RateLimitSnapshot Snapshot, bool Allowed) Use(string key, bool spend)
    {
        var now = _time.GetUtcNow();
        var window = _windows.GetOrAdd(key, _ => new Window(now.AddHours(1)));
        lock (window)
        {
            if (window.ResetAt <= now)
            {
                window.ResetAt = now.AddHours(1);
                window.Used = 0;
            }

            var allowed = window.Used < _limit;
            if (spend && allowed)
            {
                window.Used++;
            }

            return (new RateLimitSnapshot(_limit, window.Used, window.ResetAt), allowed || !spend);
        }
    }

    private sealed class Window(DateTimeOffset resetAt)
    {
        public DateTimeOffset ResetAt { get; set; } = resetAt;

        public int Used { get; set; }
    }
}
