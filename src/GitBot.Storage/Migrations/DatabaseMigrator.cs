using System.Data.Common;
using Dapper;
using GitBot.Storage.Connections;
using Microsoft.Extensions.Logging;

namespace GitBot.Storage.Migrations;

/// <summary>
/// Brings the schema up to date at start-up. Guarantees: each migration is applied exactly once, in version order, in
/// its own transaction together with its <c>schema_migrations</c> row; running it again is a no-op; several processes
/// may run it at once (PostgreSQL: a session advisory lock serializes them; SQLite: <c>BEGIN IMMEDIATE</c>).
/// </summary>
public sealed partial class DatabaseMigrator
{
    /// <summary>Arbitrary but fixed advisory-lock key ("GitBot" in ASCII) shared by every GitBot node.</summary>
    private const long AdvisoryLockKey = 0x4769_7442_6F74;

    private const string CreateMigrationsTable =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)";

    private readonly DatabaseConnectionFactory _connections;
    private readonly TimeProvider _time;
    private readonly ILogger<DatabaseMigrator> _logger;

    public DatabaseMigrator(DatabaseConnectionFactory connections, TimeProvider time, ILogger<DatabaseMigrator> logger)
    {
        _connections = connections;
        _time = time;
        _logger = logger;
    }

    /// <summary>Applies the missing migrations and returns how many this call applied. Database errors propagate: without a schema GitBot cannot start.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        var scripts = MigrationScript.Load(_connections.Database.Provider);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var applied = _connections.IsPostgres
            ? await MigratePostgresAsync(connection, scripts, cancellationToken)
            : await MigrateSqliteAsync(connection, scripts, cancellationToken);
        LogSchemaReady(_logger, _connections.Database.Provider, scripts.Count == 0 ? 0 : scripts[^1].Version, applied);
        return applied;
    }

    private async Task<int> MigratePostgresAsync(DbConnection connection, IReadOnlyList<MigrationScript> scripts, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = AdvisoryLockKey }, cancellationToken: cancellationToken));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(CreateMigrationsTable, cancellationToken: cancellationToken));
            var done = (await connection.QueryAsync<int>(new CommandDefinition("SELECT version FROM schema_migrations", cancellationToken: cancellationToken))).ToHashSet();
            var count = 0;
            foreach (var script in scripts.Where(s => !done.Contains(s.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ApplyAsync(connection, transaction, script, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                count++;
            }

            return count;
        }
        finally
        {
            // CancellationToken.None: the lock must be released even when start-up is being cancelled.
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLockKey }, cancellationToken: CancellationToken.None));
        }
    }

    private async Task<int> MigrateSqliteAsync(DbConnection connection, IReadOnlyList<MigrationScript> scripts, CancellationToken cancellationToken)
    {
        // WAL is a property of the database file: set once, it persists. It cannot change inside a transaction.
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode=WAL", cancellationToken: cancellationToken));

        // BEGIN IMMEDIATE takes the write lock up front, so concurrent migrators queue here and the second sees the
        // first one's rows.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(CreateMigrationsTable, transaction: transaction, cancellationToken: cancellationToken));
        var done = (await connection.QueryAsync<int>(new CommandDefinition("SELECT version FROM schema_migrations", transaction: transaction, cancellationToken: cancellationToken))).ToHashSet();
        var count = 0;
        foreach (var script in scripts.Where(s => !done.Contains(s.Version)))
        {
            await ApplyAsync(connection, transaction, script, cancellationToken);
            count++;
        }

        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    private async Task ApplyAsync(DbConnection connection, DbTransaction transaction, MigrationScript script, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @At)",
            new { script.Version, script.Name, At = _time.GetUtcNow().ToUnixTimeMilliseconds() },
            transaction,
            cancellationToken: cancellationToken));
        LogMigrationApplied(_logger, script.Version, script.Name);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Version} ({Name})")]
    private static partial void LogMigrationApplied(ILogger logger, int version, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema ready on {Provider}: version {Version}, {Applied} migration(s) applied now")]
    private static partial void LogSchemaReady(ILogger logger, DatabaseProvider provider, int version, int applied);
}
