namespace GitBot.Core.Deliveries;

/// <summary>
/// Durable log of webhook deliveries. Guarantees: a delivery id is stored at most once; <see cref="InsertAsync"/>
/// completes only after the row is committed (implementations may group several inserts into one commit);
/// undispatched rows stay undispatched until marked, so a crash between insert and dispatch loses nothing; a stored
/// delivery stays readable by id with <see cref="GetAsync"/>, its payload byte for byte as received, so the job that
/// processes it loads it from here rather than carrying a copy. A database failure surfaces as an exception from every
/// method except <see cref="InsertAsync"/>, which answers <see cref="DeliveryInsertOutcome.Unavailable"/>.
/// </summary>
public interface IDeliveryStore
{
    /// <summary>Stores the delivery, or reports it as a duplicate or the database as unavailable.</summary>
    Task<DeliveryInsertOutcome> InsertAsync(WebhookDelivery delivery, CancellationToken cancellationToken);

    /// <summary>
    /// The stored delivery with this id, payload included, or <see langword="null"/> when no such delivery is stored.
    /// </summary>
    Task<WebhookDelivery?> GetAsync(string deliveryId, CancellationToken cancellationToken);

    /// <summary>
    /// The headers (no payload) of the oldest deliveries not yet handed to the job engine, in the order they were
    /// stored, at most <paramref name="max"/>.
    /// </summary>
    Task<IReadOnlyList<PendingDelivery>> ListUndispatchedAsync(int max, CancellationToken cancellationToken);

    /// <summary>Marks deliveries as handed to the job engine (or deliberately ignored). Idempotent.</summary>
    Task MarkDispatchedAsync(IReadOnlyCollection<string> deliveryIds, DateTimeOffset dispatchedAt, CancellationToken cancellationToken);

    /// <summary>Which of these delivery ids are already stored.</summary>
    Task<IReadOnlySet<string>> FindStoredAsync(IReadOnlyCollection<string> deliveryIds, CancellationToken cancellationToken);
}
