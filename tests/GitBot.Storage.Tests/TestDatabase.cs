using GitBot.Storage.Auditing;
using GitBot.Storage.Connections;
using GitBot.Storage.Deliveries;
using GitBot.Storage.Installations;
using GitBot.Storage.Migrations;
using GitBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitBot.Storage.Tests;

/// <summary>A real, migrated database for one test: a SQLite file in a temp directory or a fresh PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly TempDirectory? _directory;
    private readonly PostgresTestDatabase? _postgres;
    private SqlDeliveryStore? _deliveries;

    private TestDatabase(ResolvedDatabase database, TempDirectory? directory, PostgresTestDatabase? postgres)
    {
        Database = database;
        _directory = directory;
        _postgres = postgres;
        Connections = new DatabaseConnectionFactory(database);
    }

    public ResolvedDatabase Database { get; }

    public DatabaseConnectionFactory Connections { get; }

    /// <summary>The PostgreSQL database, when the provider is PostgreSQL.</summary>
    public PostgresTestDatabase? PostgresDatabase => _postgres;

    public SqlDeliveryStore Deliveries => _deliveries ??= new SqlDeliveryStore(Connections, NullLogger<SqlDeliveryStore>.Instance);

    public SqlInstallationStore Installations => new(Connections);

    public SqlAuditLog AuditLog => new(Connections);

    public static async Task<TestDatabase> CreateAsync(string provider, bool migrate = true)
    {
        var database = await CreateUnmigratedAsync(provider);
        if (migrate)
        {
            await database.NewMigrator().MigrateAsync(CancellationToken.None);
        }

        return database;
    }

    public DatabaseMigrator NewMigrator() =>
        new(new DatabaseConnectionFactory(Database), TimeProvider.System, NullLogger<DatabaseMigrator>.Instance);

    /// <summary>Runs a scalar query through the same provider, for assertions.</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await Connections.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (_deliveries is not null)
        {
            await _deliveries.DisposeAsync();
        }

        await Connections.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        _directory?.Dispose();
    }

    private static async Task<TestDatabase> CreateUnmigratedAsync(string provider)
    {
        if (provider == Postgres)
        {
            var pg = await PostgresTestDatabase.CreateAsync();
            return new TestDatabase(new ResolvedDatabase(DatabaseProvider.Postgres, pg.ConnectionString), null, pg);
        }

        var directory = new TempDirectory("gitbot-storage");
        var options = new DatabaseOptions { DataDirectory = directory.Path };
        return new TestDatabase(options.Resolve(), directory, null);
    }
}
