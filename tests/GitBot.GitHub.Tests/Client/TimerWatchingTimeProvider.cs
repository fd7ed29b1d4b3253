using Microsoft.Extensions.Time.Testing;

namespace GitBot.GitHub.Tests.Client;

/// <summary>
/// The client's clock in tests: a <see cref="FakeTimeProvider"/> that also reports each timer the code under test
/// creates (Polly's retry delays), once the timer exists. A test can then advance time knowing the wait has begun,
/// and read how long the wait is, without sleeping and without racing the code under test.
/// </summary>
public sealed class TimerWatchingTimeProvider(FakeTimeProvider inner) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _dueTimes = [];
    private readonly List<(int Count, TaskCompletionSource<TimeSpan> Signal)> _waiters = [];

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public IReadOnlyList<TimeSpan> DueTimes
    {
        get
        {
            lock (_gate)
            {
                return [.. _dueTimes];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = inner.CreateTimer(callback, state, dueTime, period);
        lock (_gate)
        {
            _dueTimes.Add(dueTime);
            foreach (var waiter in _waiters.Where(w => w.Count == _dueTimes.Count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult(dueTime);
            }
        }

        return timer;
    }

    /// <summary>The due time of the <paramref name="count"/>-th timer, once it has been created.</summary>
    public Task<TimeSpan> WaitForTimerAsync(int count = 1)
    {
        lock (_gate)
        {
            if (_dueTimes.Count >= count)
            {
                return Task.FromResult(_dueTimes[count - 1]);
            }

            var signal = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
