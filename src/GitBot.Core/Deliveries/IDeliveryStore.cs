namespace GitBot.Core.Deliveries;

/// <summary>
/// Durable log of webhook deliveries. Guarantees: a delivery id is stored at most once; <see cref="InsertAsync"/>
/// completes only after the row is committed (implementations may group several inserts into one commit);
/// undispatched rows stay undispatched until marked, so a crash between insert and dispatch loses nothing.
/// </summary>
public interface IDeliveryStore
{
    /// <summary>Stores the delivery, or reports it as a duplicate or the database as unavailable.</summary>
    Task<DeliveryInsertOutcome> InsertAsync(WebhookDelivery delivery, CancellationToken cancellationToken);

    /// <summary>The oldest deliveries not yet handed to the job engine, oldest first.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListUndispatchedAsync(int max, CancellationToken cancellationToken);

    /// <summary>Marks deliveries as handed to the job engine (or deliberately ignored). Idempotent.</summary>
    Task MarkDispatchedAsync(IReadOnlyCollection<string> deliveryIds, DateTimeOffset dispatchedAt, CancellationToken cancellationToken);

    /// <summary>Which of these delivery ids are already stored.</summary>
    Task<IReadOnlySet<string>> FindStoredAsync(IReadOnlyCollection<string> deliveryIds, CancellationToken cancellationToken);
}
