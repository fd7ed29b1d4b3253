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

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
