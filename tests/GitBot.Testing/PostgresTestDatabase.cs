using Npgsql;

namespace GitBot.Testing;

/// <summary>
/// A fresh, empty PostgreSQL database on the real server named by <c>GITBOT_TEST_POSTGRES</c>, dropped on dispose.
/// There is no fallback: a test that needs PostgreSQL fails loudly when none is configured (<c>./test.sh</c> starts a
/// throwaway cluster and sets the variable).
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string VariableName = "GITBOT_TEST_POSTGRES";

    private readonly string _adminConnectionString;

    private PostgresTestDatabase(string adminConnectionString, string name, string connectionString)
    {
        _adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>The server's admin connection string from the environment, or an exception that says how to get one.</summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(VariableName) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{VariableName} is not set: these tests need a real PostgreSQL server. " +
                "Run ./test.sh (it starts a throwaway cluster), or set " +
                $"{VariableName}=\"Host=127.0.0.1;Port=5432;Username=postgres\".");

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var admin = AdminConnectionString;
        var name = "gitbot_t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true };
        return new PostgresTestDatabase(admin, name, builder.ConnectionString);
    }

    /// <summary>
    /// An outage on demand: closes this database to new connections and ends its current ones (or reopens it).
    /// The server and every other database stay up, so tests running in parallel are unaffected.
    /// </summary>
    public async Task SetConnectionsAllowedAsync(bool allowed)
    {
        await using var admin = new NpgsqlConnection(_adminConnectionString);
        await admin.OpenAsync();
        await using var command = admin.CreateCommand();
        command.CommandText = allowed
            ? $"ALTER DATABASE {Name} ALLOW_CONNECTIONS true"
            : $"ALTER DATABASE {Name} ALLOW_CONNECTIONS false; " +
              $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{Name}' AND pid <> pg_backend_pid()";
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
