using GitBot.Core.Deliveries;
using GitBot.Storage.Connections;
using Npgsql;
using NpgsqlTypes;

namespace GitBot.Storage.Deliveries;

/// <summary>
/// PostgreSQL: the whole batch is ONE prepared statement (<c>INSERT ... SELECT FROM unnest(arrays) ON CONFLICT DO
/// NOTHING RETURNING delivery_id</c>), so a batch costs one round trip and one commit whatever its size. The rows
/// returned are the ones this statement inserted.
/// </summary>
internal sealed class PostgresDeliveryBatchWriter : IDeliveryBatchWriter
{
    private const string InsertSql =
        "INSERT INTO webhook_deliveries (delivery_id, event, action, installation_id, repository, payload, received_at) " +
        "SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (delivery_id) DO NOTHING RETURNING delivery_id";

    private readonly DatabaseConnectionFactory _connections;
    private readonly HashSet<string> _inserted = new(StringComparer.Ordinal);
    private NpgsqlConnection? _connection;
    private NpgsqlCommand? _insert;

    public PostgresDeliveryBatchWriter(DatabaseConnectionFactory connections) => _connections = connections;

    public async Task WriteAsync(IReadOnlyList<WebhookDelivery> batch, bool[] stored, CancellationToken cancellationToken)
    {
        var insert = _insert ?? await PrepareAsync(cancellationToken);
        var n = batch.Count;
        var ids = new string[n];
        var events = new string[n];
        var actions = new string?[n];
        var installations = new long?[n];
        var repositories = new string?[n];
        var payloads = new byte[n][];
        var received = new long[n];
        for (var i = 0; i < n; i++)
        {
            var d = batch[i];
            ids[i] = d.DeliveryId;
            events[i] = d.Event;
            actions[i] = d.Action;
            installations[i] = d.InstallationId;
            repositories[i] = d.RepositoryFullName;
            payloads[i] = PayloadBytes.AsArray(d.Payload);
            received[i] = d.ReceivedAt.ToUnixTimeMilliseconds();
        }

        var p = insert.Parameters;
        p[0].Value = ids;
        p[1].Value = events;
        p[2].Value = actions;
        p[3].Value = installations;
        p[4].Value = repositories;
        p[5].Value = payloads;
        p[6].Value = received;

        _inserted.Clear();
        await using (var reader = await insert.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                _inserted.Add(reader.GetString(0));
            }
        }

        for (var i = 0; i < n; i++)
        {
            stored[i] = _inserted.Contains(ids[i]);
        }
    }

    public async ValueTask ResetAsync()
    {
        if (_insert is not null)
        {
            await _insert.DisposeAsync();
            _insert = null;
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    public ValueTask DisposeAsync() => ResetAsync();

    private async Task<NpgsqlCommand> PrepareAsync(CancellationToken cancellationToken)
    {
        _connection = (NpgsqlConnection)await _connections.OpenAsync(cancellationToken);
        var insert = new NpgsqlCommand(InsertSql, _connection);
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        await insert.PrepareAsync(cancellationToken);
        _insert = insert;
        return insert;
    }
}
