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

    /// <summary>Says that new deliveries are stored. Never blocks.</summary>
    public void Notify()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // A wake-up is already pending; it will see this delivery too.
        }
    }

    /// <summary>Waits for a notification or the timeout; true when notified.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _pending.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _pending.Dispose();
}
