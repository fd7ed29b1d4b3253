using Dapper;
using GitBot.Core.Auditing;
using GitBot.Storage.Connections;

namespace GitBot.Storage.Auditing;

/// <summary><see cref="IAuditLog"/> on SQLite or PostgreSQL: insert-only; "newest first" is insertion order.</summary>
public sealed class SqlAuditLog : IAuditLog
{
    private const string SelectColumns =
        "SELECT at AS At, actor AS Actor, action AS Action, subject AS Subject, details AS Details, delivery_id AS DeliveryId FROM audit_log ";

    private readonly DatabaseConnectionFactory _connections;

    public SqlAuditLog(DatabaseConnectionFactory connections) => _connections = connections;

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO audit_log (at, actor, action, subject, details, delivery_id) VALUES (@At, @Actor, @Action, @Subject, @Details, @DeliveryId)",
            new { At = entry.At.ToUnixTimeMilliseconds(), entry.Actor, entry.Action, entry.Subject, entry.Details, entry.DeliveryId },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string? subject, int max, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        // Two statements rather than "@subject IS NULL OR ...": PostgreSQL cannot type an untyped null parameter.
        var sql = subject is null
            ? SelectColumns + "ORDER BY id DESC LIMIT @max"
            : SelectColumns + "WHERE subject = @subject ORDER BY id DESC LIMIT @max";
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(sql, new { subject, max }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEntry()).ToList();
    }

    private sealed class AuditRow
    {
        public long At { get; set; }
        public string Actor { get; set; } = "";
        public string Action { get; set; } = "";
        public string Subject { get; set; } = "";
        public string? Details { get; set; }
        public string? DeliveryId { get; set; }

        public AuditEntry ToEntry() => new(DateTimeOffset.FromUnixTimeMilliseconds(At), Actor, Action, Subject, Details, DeliveryId);
    }
}
