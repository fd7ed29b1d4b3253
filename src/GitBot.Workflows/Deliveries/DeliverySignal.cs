namespace GitBot.Workflows.Deliveries;

/// <summary>
/// Wakes the <see cref="DeliveryDispatcher"/> at once instead of at its next poll. The webhook ingress calls
/// <see cref="Notify"/> after a delivery is committed. A signal is only a hint: the dispatcher still reads the
/// database, so a lost or coalesced signal delays a delivery by at most one poll interval and never drops it.
/// Registered as a singleton by <c>AddGitBotWorkflows</c>; thread-safe.
/// </summary>
public sealed class DeliverySignal : IDisposable
{
    // Capacity one: any number of notifications while the dispatcher is busy collapse into one wake-up,
    // which is all it needs because each wake-up reads every undispatched row.
    private readonly SemaphoreSlim _pending = new(0, 1);

    // 1 while a wake-up is pending. Notify runs once per stored delivery, thousands of times a second under load:
    // the flag makes every call after the first a single interlocked write, with no semaphore call and no exception.
    private int _signalled;

    /// <summary>Says that new deliveries are stored. Never blocks.</summary>
    public void Notify()
    {
        if (Interlocked.Exchange(ref _signalled, 1) == 0)
        {
            _pending.Release();
        }
    }

    /// <summary>Waits for a notification or the timeout; true when notified.</summary>
    /// <remarks>
    /// The flag is cleared after waking and before the caller reads the database, so a delivery committed before a
    /// notification that found the flag still set is seen by that read.
    /// </remarks>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var woken = await _pending.WaitAsync(timeout, cancellationToken);
        if (woken)
        {
            Volatile.Write(ref _signalled, 0);
        }

        return woken;
    }

    public void Dispose() => _pending.Dispose();
}
