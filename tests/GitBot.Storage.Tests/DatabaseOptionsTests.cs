using GitBot.Testing;
using Microsoft.Data.Sqlite;

namespace GitBot.Storage.Tests;

public sealed class DatabaseOptionsTests
{
    [Fact]
    public void Sqlite_is_the_default_and_lives_in_the_data_directory()
    {
        using var directory = new TempDirectory();
        var dataDirectory = Path.Combine(directory.Path, "nested", "data");

        var resolved = new DatabaseOptions { DataDirectory = dataDirectory }.Resolve();

        Assert.Equal(DatabaseProvider.Sqlite, resolved.Provider);
        Assert.Equal(Path.Combine(dataDirectory, "gitbot.db"), new SqliteConnectionStringBuilder(resolved.ConnectionString).DataSource);
        Assert.True(Directory.Exists(dataDirectory));
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused_with_the_key_to_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new DatabaseOptions { Provider = "postgres" }.Resolve());
        Assert.Contains("Database:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_keeps_its_connection_string()
    {
        var resolved = new DatabaseOptions { Provider = "PostgreSQL", ConnectionString = "Host=db;Username=gitbot" }.Resolve();

        Assert.Equal(DatabaseProvider.Postgres, resolved.Provider);
        Assert.Equal("Host=db;Username=gitbot", resolved.ConnectionString);
    }

    [Fact]
    public void An_unknown_provider_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new DatabaseOptions { Provider = "mysql" }.Resolve());
        Assert.Contains("mysql", error.Message, StringComparison.Ordinal);
    }
}
