using System.Text;
using GitBot.Core.Deliveries;

namespace GitBot.Storage.Tests;

public sealed class DeliveryStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task A_delivery_is_stored_once_and_a_second_copy_is_a_duplicate(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var delivery = SampleDeliveries.New(body: """{"action":"opened","issue":{"number":7}}""");

        Assert.Equal(DeliveryInsertOutcome.Stored, await db.Deliveries.InsertAsync(delivery, CancellationToken.None));
        Assert.Equal(DeliveryInsertOutcome.Duplicate, await db.Deliveries.InsertAsync(delivery with { Event = "other" }, CancellationToken.None));

        var stored = Assert.Single(await db.Deliveries.ListUndispatchedAsync(10, CancellationToken.None));
        Assert.Equal(delivery.DeliveryId, stored.DeliveryId);
        Assert.Equal("issues", stored.Event);
        Assert.Equal("opened", stored.Action);
        Assert.Equal(42, stored.InstallationId);
        Assert.Equal("octo/repo", stored.RepositoryFullName);
        Assert.Equal(delivery.Payload.ToArray(), stored.Payload.ToArray());
        Assert.Equal(delivery.ReceivedAt, stored.ReceivedAt);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Optional_fields_round_trip_as_null(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var delivery = new WebhookDelivery("ping-1", "ping", null, null, null, Encoding.UTF8.GetBytes("{}"), T0);

        Assert.Equal(DeliveryInsertOutcome.Stored, await db.Deliveries.InsertAsync(delivery, CancellationToken.None));

        var stored = Assert.Single(await db.Deliveries.ListUndispatchedAsync(10, CancellationToken.None));
        Assert.Null(stored.Action);
        Assert.Null(stored.InstallationId);
        Assert.Null(stored.RepositoryFullName);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Fifty_parallel_inserts_of_one_id_store_exactly_one(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = Guid.NewGuid().ToString();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(i => Task.Run(() => db.Deliveries.InsertAsync(SampleDeliveries.New(id, body: $$"""{"copy":{{i}}}"""), CancellationToken.None))));

        Assert.Equal(1, outcomes.Count(o => o == DeliveryInsertOutcome.Stored));
        Assert.Equal(49, outcomes.Count(o => o == DeliveryInsertOutcome.Duplicate));
        Assert.Equal(1, await db.ScalarAsync("SELECT COUNT(*) FROM webhook_deliveries"));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Many_parallel_distinct_deliveries_are_all_stored(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 500)
            .Select(_ => Task.Run(() => db.Deliveries.InsertAsync(SampleDeliveries.New(), CancellationToken.None))));

        Assert.All(outcomes, o => Assert.Equal(DeliveryInsertOutcome.Stored, o));
        Assert.Equal(500, await db.ScalarAsync("SELECT COUNT(*) FROM webhook_deliveries"));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Undispatched_deliveries_are_listed_oldest_first_until_marked(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var delivery = SampleDeliveries.New($"d{i}", T0.AddSeconds(i));
            ids.Add(delivery.DeliveryId);
            await db.Deliveries.InsertAsync(delivery, CancellationToken.None);
        }

        Assert.Equal(ids[..3], (await db.Deliveries.ListUndispatchedAsync(3, CancellationToken.None)).Select(d => d.DeliveryId));

        await db.Deliveries.MarkDispatchedAsync([ids[0], ids[2]], T0.AddMinutes(1), CancellationToken.None);
        await db.Deliveries.MarkDispatchedAsync([ids[0]], T0.AddMinutes(2), CancellationToken.None);

        Assert.Equal(new[] { ids[1], ids[3], ids[4] }, (await db.Deliveries.ListUndispatchedAsync(10, CancellationToken.None)).Select(d => d.DeliveryId));
        Assert.Equal(T0.AddMinutes(1).ToUnixTimeMilliseconds(), await db.ScalarAsync("SELECT dispatched_at FROM webhook_deliveries WHERE delivery_id = 'd0'"));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task FindStored_reports_only_the_ids_that_are_stored(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Deliveries.InsertAsync(SampleDeliveries.New("known-1"), CancellationToken.None);
        await db.Deliveries.InsertAsync(SampleDeliveries.New("known-2"), CancellationToken.None);

        var found = await db.Deliveries.FindStoredAsync(["known-1", "unknown", "known-2"], CancellationToken.None);

        Assert.Equal(new HashSet<string> { "known-1", "known-2" }, found);
        Assert.Empty(await db.Deliveries.FindStoredAsync([], CancellationToken.None));
    }
}
