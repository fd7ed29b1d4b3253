using System.Data.Common;
using Dapper;
using GitBot.Storage.Connections;

namespace GitBot.Storage.Migrations;

/// <summary>
/// Looks at the database without changing it (for <c>gitbot doctor</c>): can it be reached, and which schema version
/// does it have against the version this build expects. Never throws for an unreachable database: that is the answer.
/// </summary>
public sealed class SchemaInspector(DatabaseConnectionFactory connections)
{
    public async Task<SchemaStatus> InspectAsync(CancellationToken cancellationToken)
    {
        var latest = MigrationScript.Load(connections.Database.Provider) is { Count: > 0 } scripts ? scripts[^1].Version : 0;
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            var exists = await TableExistsAsync(connection, cancellationToken);
            var applied = exists
                ? await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
                    "SELECT MAX(version) FROM schema_migrations", cancellationToken: cancellationToken)) ?? 0
                : 0;
            return new SchemaStatus(true, applied, latest, null);
        }
        catch (DbException ex)
        {
            return new SchemaStatus(false, 0, latest, ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            return new SchemaStatus(false, 0, latest, ex.Message);
        }
    }

    private Task<bool> TableExistsAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            connections.IsPostgres
                ? "SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_name = 'schema_migrations' AND table_schema = current_schema())"
                : "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations')",
            cancellationToken: cancellationToken));
}
