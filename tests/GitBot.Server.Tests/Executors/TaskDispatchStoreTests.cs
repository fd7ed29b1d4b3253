using GitBot.Core.Executors;
using GitBot.Storage;
using GitBot.Storage.Connections;
using GitBot.Storage.Executors;
using GitBot.Storage.Migrations;
using GitBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitBot.Server.Tests.Executors;

/// <summary>The dispatch store on both providers: one dispatch per attempt, the run id set once, the outcome taken once.</summary>
public sealed class TaskDispatchStoreTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Dispatch_is_recorded_once_and_its_outcome_taken_once(string provider)
    {
        using var directory = new TempDirectory("gitbot-dispatch");
        await using var postgres = provider == "postgres" ? await PostgresTestDatabase.CreateAsync() : null;
        var database = postgres is null
            ? new DatabaseOptions { DataDirectory = directory.Path }.Resolve()
            : new ResolvedDatabase(DatabaseProvider.Postgres, postgres.ConnectionString);
        await using var connections = new DatabaseConnectionFactory(database);
        await new DatabaseMigrator(connections, TimeProvider.System, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var store = new SqlTaskDispatchStore(connections);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);
        var hash = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var dispatch = new TaskDispatch(7, "2", 1, "octo/widgets", hash, at, at.AddMinutes(30), null, null);

        Assert.True(await store.AddAsync(dispatch, CancellationToken.None));
        Assert.False(await store.AddAsync(dispatch with { TokenSha256 = new byte[32] }, CancellationToken.None));
        var found = await store.FindAsync(7, "2", 1, CancellationToken.None);
        Assert.NotNull(found);
        Assert.Equal(hash, found.TokenSha256);
        Assert.Equal(at.AddMinutes(30), found.Deadline);
        Assert.Null(await store.FindAsync(7, "2", 2, CancellationToken.None));

        Assert.True(await store.SetRunIdAsync(7, "2", 1, 555, CancellationToken.None));
        Assert.True(await store.SetRunIdAsync(7, "2", 1, 555, CancellationToken.None));
        Assert.False(await store.SetRunIdAsync(7, "2", 1, 556, CancellationToken.None));
        Assert.Equal(1, (await store.FindByRunAsync("octo/widgets", 555, CancellationToken.None))?.Attempt);
        Assert.Null(await store.FindByRunAsync("octo/other", 555, CancellationToken.None));

        Assert.True(await store.MarkReportedAsync(7, "2", 1, at.AddMinutes(3), CancellationToken.None));
        Assert.False(await store.MarkReportedAsync(7, "2", 1, at.AddMinutes(4), CancellationToken.None));
        Assert.Equal(at.AddMinutes(3), (await store.FindAsync(7, "2", 1, CancellationToken.None))?.ReportedAt);
    }
}
