using GitBot.Core.Dashboard.Sessions;
using GitBot.Storage.Dashboard;

namespace GitBot.Storage.Tests.Dashboard;

public sealed class DashboardSessionStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task A_created_session_is_found_by_its_id_hash_with_its_repositories_and_times(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new SqlDashboardSessionStore(db.Connections);
        var id = DashboardSessionId.New();
        var session = Session(id, "octocat", ["octo/hello", "Octo/World"], expiresIn: TimeSpan.FromHours(8));

        await store.CreateAsync(session, CancellationToken.None);
        var found = await store.FindAsync(DashboardSessionId.Parse(id.Value)!.Sha256, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal("octocat", found.Login);
        Assert.Equal(["octo/hello", "Octo/World"], found.Repositories);
        Assert.Equal(id.Sha256, found.IdSha256);
        Assert.Equal(Now, found.CreatedAt);
        Assert.Equal(Now.AddMinutes(15), found.RefreshAfter);
        Assert.Equal(Now.AddHours(8), found.ExpiresAt);
        Assert.Null(await store.FindAsync(DashboardSessionId.New().Sha256, CancellationToken.None));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Only_the_hash_of_the_id_is_stored(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new SqlDashboardSessionStore(db.Connections);
        var id = DashboardSessionId.New();
        await store.CreateAsync(Session(id, "octocat", [], TimeSpan.FromHours(1)), CancellationToken.None);

        Assert.Equal(32, await db.ScalarAsync("SELECT length(id_sha256) FROM dashboard_sessions"));
        Assert.Equal(0, await db.ScalarAsync($"SELECT count(*) FROM dashboard_sessions WHERE login LIKE '%{id.Value}%' OR repositories LIKE '%{id.Value}%'"));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Delete_removes_one_session_and_says_whether_it_existed(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new SqlDashboardSessionStore(db.Connections);
        var kept = DashboardSessionId.New();
        var ended = DashboardSessionId.New();
        await store.CreateAsync(Session(kept, "a", [], TimeSpan.FromHours(1)), CancellationToken.None);
        await store.CreateAsync(Session(ended, "b", [], TimeSpan.FromHours(1)), CancellationToken.None);

        Assert.True(await store.DeleteAsync(ended.Sha256, CancellationToken.None));
        Assert.False(await store.DeleteAsync(ended.Sha256, CancellationToken.None));
        Assert.Null(await store.FindAsync(ended.Sha256, CancellationToken.None));
        Assert.NotNull(await store.FindAsync(kept.Sha256, CancellationToken.None));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Purge_removes_exactly_the_expired_sessions(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new SqlDashboardSessionStore(db.Connections);
        var expired = DashboardSessionId.New();
        var expiringNow = DashboardSessionId.New();
        var live = DashboardSessionId.New();
        await store.CreateAsync(Session(expired, "a", [], TimeSpan.FromHours(1)), CancellationToken.None);
        await store.CreateAsync(Session(expiringNow, "b", [], TimeSpan.FromHours(2)), CancellationToken.None);
        await store.CreateAsync(Session(live, "c", [], TimeSpan.FromHours(3)), CancellationToken.None);

        Assert.Equal(2, await store.PurgeExpiredAsync(Now.AddHours(2), CancellationToken.None));

        Assert.Null(await store.FindAsync(expired.Sha256, CancellationToken.None));
        Assert.Null(await store.FindAsync(expiringNow.Sha256, CancellationToken.None));
        Assert.NotNull(await store.FindAsync(live.Sha256, CancellationToken.None));
    }

    [Fact]
    public void A_session_id_round_trips_through_its_cookie_text_and_rejects_anything_else()
    {
        var id = DashboardSessionId.New();

        Assert.Equal(43, id.Value.Length);
        Assert.Equal(id.Sha256, DashboardSessionId.Parse(id.Value)!.Sha256);
        Assert.NotEqual(id.Value, DashboardSessionId.New().Value);
        Assert.Null(DashboardSessionId.Parse(null));
        Assert.Null(DashboardSessionId.Parse(id.Value[..42]));
        Assert.Null(DashboardSessionId.Parse(id.Value[..42] + "="));
    }

    private static DashboardSession Session(DashboardSessionId id, string login, string[] repositories, TimeSpan expiresIn) =>
        new(id.Sha256, login, repositories, Now, Now.AddMinutes(15), Now.Add(expiresIn));
}
