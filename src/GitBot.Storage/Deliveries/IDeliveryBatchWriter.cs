using GitBot.Core.Deliveries;

namespace GitBot.Storage.Deliveries;

/// <summary>
/// Writes one batch of deliveries (distinct ids) in a single transaction on a connection it keeps open between
/// batches. Only <see cref="SqlDeliveryStore"/>'s single writer loop calls it, never concurrently.
/// </summary>
internal interface IDeliveryBatchWriter : IAsyncDisposable
{
    /// <summary>Inserts the batch, skipping ids already stored; sets <paramref name="stored"/>[i] when row i was inserted. Throws on a database failure (nothing committed).</summary>
    Task WriteAsync(IReadOnlyList<WebhookDelivery> batch, bool[] stored, CancellationToken cancellationToken);

    /// <summary>Drops the kept connection after a failure, so the next batch starts from a fresh one.</summary>
    ValueTask ResetAsync();
}
