using GitBot.Core.Deliveries;
using GitBot.Storage.Connections;
using GitBot.Storage.Deliveries;
using GitBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace GitBot.Storage.Tests;

public sealed class DeliveryStoreOutageTests
{
    [Fact]
    public async Task Unreachable_postgres_answers_unavailable_instead_of_throwing()
    {
        var port = FreePort.Next();
        var database = new ResolvedDatabase(DatabaseProvider.Postgres, $"Host=127.0.0.1;Port={port};Username=postgres;Timeout=2");
        await using var connections = new DatabaseConnectionFactory(database);
        await using var store = new SqlDeliveryStore(connections, NullLogger<SqlDeliveryStore>.Instance);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => store.InsertAsync(SampleDeliveries.New(), CancellationToken.None)));

        Assert.All(outcomes, o => Assert.Equal(DeliveryInsertOutcome.Unavailable, o));
    }

    [Fact]
    public async Task Unusable_sqlite_file_answers_unavailable_instead_of_throwing()
    {
        using var directory = new TempDirectory();
        // A directory where the database file should be: SQLite cannot open it.
        var path = Path.Combine(directory.Path, "gitbot.db");
        Directory.CreateDirectory(path);
        await using var connections = new DatabaseConnectionFactory(new ResolvedDatabase(DatabaseProvider.Sqlite, $"Data Source={path}"));
        await using var store = new SqlDeliveryStore(connections, NullLogger<SqlDeliveryStore>.Instance);

        Assert.Equal(DeliveryInsertOutcome.Unavailable, await store.InsertAsync(SampleDeliveries.New(), CancellationToken.None));
    }

    [Fact]
    public async Task Postgres_outage_answers_unavailable_and_the_store_recovers_when_it_is_back()
    {
        await using var db = await TestDatabase.CreateAsync(TestDatabase.Postgres);
        Assert.Equal(DeliveryInsertOutcome.Stored, await db.Deliveries.InsertAsync(SampleDeliveries.New(), CancellationToken.None));

        // Every writer loop holds a connection before the outage, so each of them has a dead one after it.
        var warmUp = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => db.Deliveries.InsertAsync(SampleDeliveries.New(), CancellationToken.None)));
        Assert.All(warmUp, outcome => Assert.Equal(DeliveryInsertOutcome.Stored, outcome));

        await db.PostgresDatabase!.SetConnectionsAllowedAsync(false);
        try
        {
            Assert.Equal(DeliveryInsertOutcome.Unavailable, await db.Deliveries.InsertAsync(SampleDeliveries.New("during-outage"), CancellationToken.None));

            // Reads throw rather than answer "not stored": a job must retry a delivery it cannot load, not drop it.
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => db.Deliveries.GetAsync("during-outage", CancellationToken.None));
        }
        finally
        {
            await db.PostgresDatabase!.SetConnectionsAllowedAsync(true);
        }

        // Once the database is back, no delivery is refused because a writer still held a connection from before.
        var after = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => db.Deliveries.InsertAsync(SampleDeliveries.New(), CancellationToken.None)));
        Assert.All(after, outcome => Assert.Equal(DeliveryInsertOutcome.Stored, outcome));
        Assert.Equal(DeliveryInsertOutcome.Stored, await db.Deliveries.InsertAsync(SampleDeliveries.New("during-outage"), CancellationToken.None));
        Assert.Equal(82, await db.ScalarAsync("SELECT COUNT(*) FROM webhook_deliveries"));
    }
}
