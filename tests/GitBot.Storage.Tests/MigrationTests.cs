using Microsoft.Data.Sqlite;

namespace GitBot.Storage.Tests;

public sealed class MigrationTests
{
    private static readonly string[] Tables = ["webhook_deliveries", "installations", "repositories", "audit_log"];

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Migrating_twice_applies_each_migration_once(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);

        var first = await db.NewMigrator().MigrateAsync(CancellationToken.None);
        var second = await db.NewMigrator().MigrateAsync(CancellationToken.None);

        Assert.True(first >= 1);
        Assert.Equal(0, second);
        Assert.Equal(first, await db.ScalarAsync("SELECT COUNT(*) FROM schema_migrations"));
        foreach (var table in Tables)
        {
            Assert.Equal(0, await db.ScalarAsync($"SELECT COUNT(*) FROM {table}"));
        }
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Concurrent_migrators_apply_each_migration_exactly_once(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);

        var applied = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => db.NewMigrator().MigrateAsync(CancellationToken.None))));

        var versions = await db.ScalarAsync("SELECT COUNT(*) FROM schema_migrations");
        Assert.True(versions >= 1);
        Assert.Equal(versions, applied.Sum());
        Assert.Equal(versions, await db.ScalarAsync("SELECT COUNT(DISTINCT version) FROM schema_migrations"));
        Assert.Equal(1, applied.Count(a => a > 0));
    }

    [Fact]
    public async Task Sqlite_database_is_a_file_in_the_data_directory_in_wal_mode()
    {
        await using var db = await TestDatabase.CreateAsync(TestDatabase.Sqlite);

        var file = new SqliteConnectionStringBuilder(db.Database.ConnectionString).DataSource;
        Assert.Equal(DatabaseOptions.SqliteFileName, Path.GetFileName(file));
        Assert.True(File.Exists(file));
        await using var connection = await db.Connections.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }
}
