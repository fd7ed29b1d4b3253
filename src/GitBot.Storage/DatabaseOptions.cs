using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace GitBot.Storage;

/// <summary>
/// Where GitBot keeps its state. Configuration keys: <c>DataDirectory</c> (root, default <c>./data</c>),
/// <c>Database:Provider</c> (<c>sqlite</c>, the default, or <c>postgres</c>) and <c>Database:ConnectionString</c>
/// (required for PostgreSQL; for SQLite it overrides the default file <c>&lt;DataDirectory&gt;/gitbot.db</c>).
/// </summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string DataDirectoryKey = "DataDirectory";
    public const string DefaultDataDirectory = "./data";
    public const string SqliteFileName = "gitbot.db";

    public string DataDirectory { get; set; } = DefaultDataDirectory;

    /// <summary><c>sqlite</c> or <c>postgres</c> (case-insensitive; <c>postgresql</c> is accepted too).</summary>
    public string Provider { get; set; } = "sqlite";

    public string? ConnectionString { get; set; }

    public static DatabaseOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        return new DatabaseOptions
        {
            DataDirectory = NonEmpty(configuration[DataDirectoryKey]) ?? DefaultDataDirectory,
            Provider = NonEmpty(section["Provider"]) ?? "sqlite",
            ConnectionString = NonEmpty(section["ConnectionString"]),
        };
    }

    /// <summary>
    /// Resolves the provider and a complete connection string. For SQLite the data directory is created and the path
    /// made absolute. A configuration that cannot work (unknown provider, PostgreSQL without a connection string)
    /// throws <see cref="InvalidOperationException"/> with a message that says what to set: it is fatal at start-up.
    /// </summary>
    public ResolvedDatabase Resolve()
    {
        switch (Provider.Trim().ToLowerInvariant())
        {
            case "sqlite":
                return new ResolvedDatabase(DatabaseProvider.Sqlite, ResolveSqlite());
            case "postgres" or "postgresql":
                if (ConnectionString is null)
                {
                    throw new InvalidOperationException(
                        "Database:Provider is 'postgres' but Database:ConnectionString is empty; set it, e.g. " +
                        "Database__ConnectionString=\"Host=db;Username=gitbot;Password=...;Database=gitbot\".");
                }

                // Validates the syntax now, so a typo fails at start-up rather than on the first delivery.
                _ = new NpgsqlConnectionStringBuilder(ConnectionString);
                return new ResolvedDatabase(DatabaseProvider.Postgres, ConnectionString);
            default:
                throw new InvalidOperationException(
                    $"Database:Provider '{Provider}' is not supported; use 'sqlite' (default) or 'postgres'.");
        }
    }

    private string ResolveSqlite()
    {
        var builder = ConnectionString is null
            ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(DataDirectory, SqliteFileName) }
            : new SqliteConnectionStringBuilder(ConnectionString);

        var file = Path.GetFullPath(builder.DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        builder.DataSource = file;
        builder.Pooling = true;
        // Writers wait for each other (up to this many seconds) instead of failing with SQLITE_BUSY.
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
