using GitBot.Core.Budgets;
using GitBot.Storage.Budgets;
using GitBot.Storage.Tests.Plans;

namespace GitBot.Storage.Tests.Budgets;

public sealed class IssueBudgetStoreTests
{
    private const string Repo = "octo/widgets";

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task An_issue_has_no_override_until_one_is_set_and_the_newest_wins(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var time = new ManualTime(DateTimeOffset.UnixEpoch.AddDays(100));
        var store = new SqlIssueBudgetStore(db.Connections, time);

        Assert.Null(await store.FindAsync(Repo, 12, CancellationToken.None));

        var first = await store.SetAsync(Repo, 12, 12.50m, "alice", CancellationToken.None);
        Assert.Equal(new IssueBudgetRecord(Repo, 12, 12.50m, "alice", time.Now), first);
        Assert.Equal(first, await store.FindAsync(Repo, 12, CancellationToken.None));

        time.Now = time.Now.AddMinutes(5);
        await store.SetAsync(Repo, 12, 3m, "bob", CancellationToken.None);
        var found = await store.FindAsync(Repo, 12, CancellationToken.None);
        Assert.Equal((3m, "bob", time.Now), (found!.BudgetUsd, found.SetBy, found.SetAt));
        Assert.Equal(1L, await db.ScalarAsync("SELECT COUNT(*) FROM issue_budgets"));

        // Other issues and repositories are untouched.
        Assert.Null(await store.FindAsync(Repo, 13, CancellationToken.None));
        Assert.Null(await store.FindAsync("octo/other", 12, CancellationToken.None));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Amounts_round_trip_exactly(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new SqlIssueBudgetStore(db.Connections, new ManualTime(DateTimeOffset.UnixEpoch));

        foreach (var amount in new[] { 0.01m, 0.1m, 999.99m, 1000m, 12.50m })
        {
            await store.SetAsync(Repo, 1, amount, "alice", CancellationToken.None);
            var found = await store.FindAsync(Repo, 1, CancellationToken.None);
            Assert.Equal(amount, found!.BudgetUsd);
        }
    }
}
