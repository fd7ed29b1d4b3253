using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GitBot.Storage.Connections;

/// <summary>
/// Opens connections to the resolved database. One instance per process: it owns the PostgreSQL data source (and its
/// pool). SQLite connections get the per-connection settings GitBot relies on (<c>synchronous=NORMAL</c>, which is
/// durable against process crashes in WAL mode, and foreign keys).
/// </summary>
public sealed class DatabaseConnectionFactory : IAsyncDisposable
{
    private static readonly Lazy<bool> SqliteInitialized = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        return true;
    });

    private readonly NpgsqlDataSource? _postgres;

    public DatabaseConnectionFactory(ResolvedDatabase database)
    {
        Database = database;
        if (database.Provider == DatabaseProvider.Postgres)
        {
            _postgres = NpgsqlDataSource.Create(database.ConnectionString);
        }
        else
        {
            _ = SqliteInitialized.Value;
        }
    }

    public ResolvedDatabase Database { get; }

    internal bool IsPostgres => _postgres is not null;

    /// <summary>
    /// "column is one of the array parameter <paramref name="parameter"/>": Dapper expands <c>IN @p</c> into a list
    /// for SQLite but passes an array to Npgsql, which needs <c>= ANY(@p)</c>.
    /// </summary>
    internal string InArray(string column, string parameter) =>
        IsPostgres ? $"{column} = ANY({parameter})" : $"{column} IN {parameter}";

    /// <summary>An open connection; the caller disposes it. Throws the provider's exception when the database is unreachable.</summary>
    internal async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(Database.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            using var pragma = connection.CreateCommand();
            // busy_timeout: wait for another writer (Quartz, the dispatcher) inside SQLite, which retries within a
            // millisecond or so; without it Microsoft.Data.Sqlite's own retry sleeps 150 ms, a latency spike per collision.
            pragma.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
            pragma.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Drops idle pooled connections (PostgreSQL), which may be dead after an outage; open ones are unaffected.</summary>
    internal void ClearIdleConnections() => _postgres?.Clear();

    public ValueTask DisposeAsync() => _postgres?.DisposeAsync() ?? ValueTask.CompletedTask;
}
