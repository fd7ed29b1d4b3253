using System.Threading.Channels;
using Dapper;
using GitBot.Core.Deliveries;
using GitBot.Storage.Connections;
using Microsoft.Extensions.Logging;

namespace GitBot.Storage.Deliveries;

/// <summary>
/// <see cref="IDeliveryStore"/> on SQLite or PostgreSQL with group commit: concurrent <see cref="InsertAsync"/> calls
/// are queued, a writer loop takes everything queued (up to <see cref="MaxBatch"/>) and commits it in one
/// transaction, then completes each caller with its own outcome. SQLite has one writer loop (it has one write lock);
/// PostgreSQL has <see cref="PostgresWriters"/>, each on its own connection, so one batch fills while another waits
/// for its commit to be flushed. Every batch is written in delivery-id order, so two concurrent batches holding the
/// same id lock in the same order and cannot deadlock; the unique index still stores each id once. Guarantees: an answer of
/// <see cref="DeliveryInsertOutcome.Stored"/> means the row is committed; a database failure answers the whole batch
/// <see cref="DeliveryInsertOutcome.Unavailable"/> (nothing of it committed) and the loop carries on with a fresh
/// connection for the next batch, so an outage never wedges the store.
/// </summary>
public sealed partial class SqlDeliveryStore : IDeliveryStore, IAsyncDisposable
{
    /// <summary>Caps one transaction; at the benchmark's concurrency a batch rarely exceeds the number of requests in flight.</summary>
    public const int MaxBatch = 256;

    /// <summary>Concurrent writer loops on PostgreSQL: commit latency (the WAL flush), not CPU, bounds one loop.</summary>
    public const int PostgresWriters = 3;

    // The listing reads the headers only: the dispatcher decides on event and action, and reading every payload
    // (about 12 KB each) for that would cost the hot path a few megabytes per round.
    private const string HeaderColumns =
        "delivery_id AS DeliveryId, event AS Event, action AS Action, installation_id AS InstallationId, " +
        "repository AS Repository, received_at AS ReceivedAt";

    // Unbounded on purpose: every queued item is a request still waiting for its answer, so the queue is bounded by
    // the server's own connection limits; a bounded queue would only add a second waiting place.
    private readonly Channel<PendingInsert> _queue =
        Channel.CreateUnbounded<PendingInsert>(new UnboundedChannelOptions { SingleReader = false });

    private readonly DatabaseConnectionFactory _connections;
    private readonly ILogger<SqlDeliveryStore> _logger;
    private readonly IDeliveryBatchWriter[] _writers;
    private readonly Task[] _loops;

    public SqlDeliveryStore(DatabaseConnectionFactory connections, ILogger<SqlDeliveryStore> logger)
    {
        _connections = connections;
        _logger = logger;
        _writers = connections.IsPostgres
            ? [.. Enumerable.Range(0, PostgresWriters).Select(_ => new PostgresDeliveryBatchWriter(connections))]
            : [new SqliteDeliveryBatchWriter(connections)];
        _loops = [.. _writers.Select(writer => Task.Run(() => RunWriterAsync(writer)))];
    }

    public Task<DeliveryInsertOutcome> InsertAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var pending = new PendingInsert(delivery);
        if (!_queue.Writer.TryWrite(pending))
        {
            // Only after disposal: the process is shutting down.
            return Task.FromResult(DeliveryInsertOutcome.Unavailable);
        }

        // Cancelling stops the wait, not the write: the row may still be committed (and a redelivery is then a Duplicate).
        return pending.Task.WaitAsync(cancellationToken);
    }

    public async Task<WebhookDelivery?> GetAsync(string deliveryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveryId);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<DeliveryRow>(new CommandDefinition(
            _connections.IsPostgres
                ? "SELECT " + HeaderColumns + ", payload AS Payload FROM webhook_deliveries WHERE delivery_id = @deliveryId"
                : "SELECT " + HeaderColumns + ", p.payload AS Payload FROM webhook_deliveries JOIN webhook_payloads p ON p.delivery_pk = webhook_deliveries.id WHERE delivery_id = @deliveryId",
            new { deliveryId },
            cancellationToken: cancellationToken));
        return row?.ToDelivery();
    }

    public async Task<IReadOnlyList<PendingDelivery>> ListUndispatchedAsync(int max, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<HeaderRow>(new CommandDefinition(
            "SELECT " + HeaderColumns + " FROM webhook_deliveries WHERE dispatched_at IS NULL ORDER BY id LIMIT @max",
            new { max },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToPending()).ToList();
    }

    public async Task MarkDispatchedAsync(IReadOnlyCollection<string> deliveryIds, DateTimeOffset dispatchedAt, CancellationToken cancellationToken)
    {
        if (deliveryIds.Count == 0)
        {
            return;
        }

        await using var connection = await _connections.OpenAsync(cancellationToken);
        foreach (var chunk in deliveryIds.Chunk(500))
        {
            // "dispatched_at IS NULL" keeps the first mark: marking again is a no-op.
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE webhook_deliveries SET dispatched_at = @at WHERE dispatched_at IS NULL AND " + _connections.InArray("delivery_id", "@ids"),
                new { at = dispatchedAt.ToUnixTimeMilliseconds(), ids = chunk },
                cancellationToken: cancellationToken));
        }
    }

    public async Task<IReadOnlySet<string>> FindStoredAsync(IReadOnlyCollection<string> deliveryIds, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (deliveryIds.Count == 0)
        {
            return found;
        }

        await using var connection = await _connections.OpenAsync(cancellationToken);
        foreach (var chunk in deliveryIds.Chunk(500))
        {
            found.UnionWith(await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT delivery_id FROM webhook_deliveries WHERE " + _connections.InArray("delivery_id", "@ids"),
                new { ids = chunk },
                cancellationToken: cancellationToken)));
        }

        return found;
    }

    /// <summary>Stops taking inserts, lets the writer finish what is queued, and closes its connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_loops);
        foreach (var writer in _writers)
        {
            await writer.DisposeAsync();
        }
    }

    private async Task RunWriterAsync(IDeliveryBatchWriter writer)
    {
        var reader = _queue.Reader;
        var batch = new List<PendingInsert>(MaxBatch);
        var unique = new List<WebhookDelivery>(MaxBatch);
        var firstIndex = new Dictionary<string, int>(MaxBatch, StringComparer.Ordinal);
        var stored = new bool[MaxBatch];
        var slot = new int[MaxBatch]; // batch position -> index in unique, or -1 for a later copy of an id
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            if (batch.Count == 0)
            {
                continue; // Another writer loop took what woke this one.
            }

            batch.Sort(static (a, b) => string.CompareOrdinal(a.Delivery.DeliveryId, b.Delivery.DeliveryId));

            // The same id twice in one batch: the first copy goes to the database, the others are duplicates of it.
            unique.Clear();
            firstIndex.Clear();
            for (var i = 0; i < batch.Count; i++)
            {
                var delivery = batch[i].Delivery;
                if (firstIndex.TryAdd(delivery.DeliveryId, unique.Count))
                {
                    slot[i] = unique.Count;
                    unique.Add(delivery);
                }
                else
                {
                    slot[i] = -1;
                }
            }

            var written = await WriteWithOneRetryAsync(writer, batch, unique, stored);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].TrySetResult(!written ? DeliveryInsertOutcome.Unavailable
                    : slot[i] >= 0 && stored[slot[i]] ? DeliveryInsertOutcome.Stored
                    : DeliveryInsertOutcome.Duplicate);
            }
        }
    }

    /// <summary>
    /// Writes the batch; on failure, drops the writer's connection and every idle pooled one and tries once more on a
    /// fresh connection. A database that was restarted or had its connections ended leaves each writer and the pool
    /// holding dead connections: without the retry, the first batch on each of them would be answered 503 after the
    /// database is already back. A retry after a commit whose acknowledgment was lost finds the rows and reports
    /// them as duplicates, which are acknowledged all the same.
    /// </summary>
    private async Task<bool> WriteWithOneRetryAsync(
        IDeliveryBatchWriter writer, List<PendingInsert> batch, List<WebhookDelivery> unique, bool[] stored)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await writer.WriteAsync(unique, stored, CancellationToken.None);
                return true;
            }
#pragma warning disable CA1031 // Any failure, even a bug, must answer the batch and keep the loop alive; otherwise every later insert would hang.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                await writer.ResetAsync();
                _connections.ClearIdleConnections();
                if (attempt == 2)
                {
                    LogBatchFailed(_logger, batch.Count, batch[0].Delivery.DeliveryId, ex);
                    return false;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not commit a batch of {Count} deliveries (first {DeliveryId}); answered Unavailable")]
    private static partial void LogBatchFailed(ILogger logger, int count, string deliveryId, Exception exception);

    private sealed class PendingInsert(WebhookDelivery delivery)
        : TaskCompletionSource<DeliveryInsertOutcome>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public WebhookDelivery Delivery { get; } = delivery;
    }

    private class HeaderRow
    {
        public string DeliveryId { get; set; } = "";
        public string Event { get; set; } = "";
        public string? Action { get; set; }
        public long? InstallationId { get; set; }
        public string? Repository { get; set; }
        public long ReceivedAt { get; set; }

        public PendingDelivery ToPending() => new(
            DeliveryId, Event, Action, InstallationId, Repository, DateTimeOffset.FromUnixTimeMilliseconds(ReceivedAt));
    }

    private sealed class DeliveryRow : HeaderRow
    {
        public byte[] Payload { get; set; } = [];

        public WebhookDelivery ToDelivery() => new(
            DeliveryId, Event, Action, InstallationId, Repository, Payload, DateTimeOffset.FromUnixTimeMilliseconds(ReceivedAt));
    }
}
