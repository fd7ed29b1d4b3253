using GitBot.Core.Installations;

namespace GitBot.Storage.Tests;

public sealed class InstallationStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Installation_upserts_keep_the_newest_state(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Installations;

        await store.UpsertInstallationAsync(new Installation(7, "octo", "Organization", T0), CancellationToken.None);
        await store.UpsertInstallationAsync(new Installation(7, "octo-renamed", "Organization", T0.AddMinutes(1), Suspended: true), CancellationToken.None);
        // An older event processed late must not undo the newer state.
        await store.UpsertInstallationAsync(new Installation(7, "octo-stale", "Organization", T0.AddSeconds(30)), CancellationToken.None);

        var installation = await store.GetInstallationAsync(7, CancellationToken.None);
        Assert.Equal(new Installation(7, "octo-renamed", "Organization", T0.AddMinutes(1), Suspended: true), installation);
        Assert.Null(await store.GetInstallationAsync(8, CancellationToken.None));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Repositories_are_upserted_listed_and_removed_per_installation(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Installations;
        await store.UpsertInstallationAsync(new Installation(7, "octo", "User", T0), CancellationToken.None);

        await store.UpsertRepositoriesAsync(
        [
            new InstalledRepository(100, 7, "octo/b", false, T0),
            new InstalledRepository(101, 7, "octo/a", true, T0),
            new InstalledRepository(200, 9, "other/x", false, T0),
        ], CancellationToken.None);
        await store.UpsertRepositoriesAsync([new InstalledRepository(100, 7, "octo/b-renamed", true, T0.AddMinutes(1))], CancellationToken.None);

        Assert.Equal(
            new[] { new InstalledRepository(101, 7, "octo/a", true, T0), new InstalledRepository(100, 7, "octo/b-renamed", true, T0.AddMinutes(1)) },
            await store.ListRepositoriesAsync(7, CancellationToken.None));

        await store.RemoveRepositoriesAsync(7, [101, 200], CancellationToken.None);
        Assert.Equal([100L], (await store.ListRepositoriesAsync(7, CancellationToken.None)).Select(r => r.Id));
        Assert.Single(await store.ListRepositoriesAsync(9, CancellationToken.None));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Removing_an_installation_removes_its_repositories(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Installations;
        await store.UpsertInstallationAsync(new Installation(7, "octo", "User", T0), CancellationToken.None);
        await store.UpsertRepositoriesAsync([new InstalledRepository(100, 7, "octo/a", false, T0)], CancellationToken.None);

        await store.RemoveInstallationAsync(7, CancellationToken.None);

        Assert.Null(await store.GetInstallationAsync(7, CancellationToken.None));
        Assert.Empty(await store.ListRepositoriesAsync(7, CancellationToken.None));
    }
}
