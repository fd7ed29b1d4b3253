using GitBot.Core.Deliveries;
using GitBot.Storage.Connections;
using Microsoft.Data.Sqlite;

namespace GitBot.Storage.Deliveries;

/// <summary>
/// SQLite: one prepared <c>INSERT ... ON CONFLICT DO NOTHING</c> executed per row inside one transaction, and for each
/// row actually inserted its body into <c>webhook_payloads</c>. SQLite is in-process, so per-row execution costs no
/// round trip; the commit (WAL append, no fsync under synchronous=NORMAL) is paid once per batch.
/// </summary>
internal sealed class SqliteDeliveryBatchWriter : IDeliveryBatchWriter
{
    private const string InsertSql =
        "INSERT INTO webhook_deliveries (delivery_id, event, action, installation_id, repository, received_at) " +
        "VALUES ($id, $event, $action, $installation, $repository, $received) ON CONFLICT (delivery_id) DO NOTHING";

    private const string InsertPayloadSql = "INSERT INTO webhook_payloads (delivery_pk, payload) VALUES (last_insert_rowid(), $payload)";

    private readonly DatabaseConnectionFactory _connections;
    private SqliteConnection? _connection;
    private SqliteCommand? _insert;
    private SqliteCommand? _insertPayload;

    public SqliteDeliveryBatchWriter(DatabaseConnectionFactory connections) => _connections = connections;

    public async Task WriteAsync(IReadOnlyList<WebhookDelivery> batch, bool[] stored, CancellationToken cancellationToken)
    {
        var insert = _insert ?? await PrepareAsync(cancellationToken);
        using var transaction = _connection!.BeginTransaction();
        insert.Transaction = transaction;
        var insertPayload = _insertPayload!;
        insertPayload.Transaction = transaction;
        var p = insert.Parameters;
        for (var i = 0; i < batch.Count; i++)
        {
            var d = batch[i];
            p[0].Value = d.DeliveryId;
            p[1].Value = d.Event;
            p[2].Value = (object?)d.Action ?? DBNull.Value;
            p[3].Value = (object?)d.InstallationId ?? DBNull.Value;
            p[4].Value = (object?)d.RepositoryFullName ?? DBNull.Value;
            p[5].Value = d.ReceivedAt.ToUnixTimeMilliseconds();
            stored[i] = insert.ExecuteNonQuery() == 1;
            if (stored[i])
            {
                insertPayload.Parameters[0].Value = PayloadBytes.AsArray(d.Payload);
                insertPayload.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    public async ValueTask ResetAsync()
    {
        if (_insert is not null)
        {
            await _insert.DisposeAsync();
            _insert = null;
        }

        if (_insertPayload is not null)
        {
            await _insertPayload.DisposeAsync();
            _insertPayload = null;
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    public ValueTask DisposeAsync() => ResetAsync();

    private async Task<SqliteCommand> PrepareAsync(CancellationToken cancellationToken)
    {
        _connection = (SqliteConnection)await _connections.OpenAsync(cancellationToken);
        var insert = _connection.CreateCommand();
        insert.CommandText = InsertSql;
        insert.Parameters.Add("$id", SqliteType.Text);
        insert.Parameters.Add("$event", SqliteType.Text);
        insert.Parameters.Add("$action", SqliteType.Text);
        insert.Parameters.Add("$installation", SqliteType.Integer);
        insert.Parameters.Add("$repository", SqliteType.Text);
        insert.Parameters.Add("$received", SqliteType.Integer);
        insert.Prepare();
        var insertPayload = _connection.CreateCommand();
        insertPayload.CommandText = InsertPayloadSql;
        insertPayload.Parameters.Add("$payload", SqliteType.Blob);
        insertPayload.Prepare();
        _insertPayload = insertPayload;
        _insert = insert;
        return insert;
    }
}
