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

        var pending = Assert.Single(await db.Deliveries.ListUndispatchedAsync(10, CancellationToken.None));
        Assert.Equal(new PendingDelivery(delivery.DeliveryId, "issues", "opened", 42, "octo/repo", delivery.ReceivedAt), pending);
        var stored = await db.Deliveries.GetAsync(delivery.DeliveryId, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal("issues", stored.Event);
        Assert.Equal(delivery.Payload.ToArray(), stored.Payload.ToArray());
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Optional_fields_round_trip_as_null(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var delivery = new WebhookDelivery("ping-1", "ping", null, null, null, Encoding.UTF8.GetBytes("{}"), T0);

        Assert.Equal(DeliveryInsertOutcome.Stored, await db.Deliveries.InsertAsync(delivery, CancellationToken.None));

        Assert.Equal(
            new PendingDelivery("ping-1", "ping", null, null, null, T0),
            Assert.Single(await db.Deliveries.ListUndispatchedAsync(10, CancellationToken.None)));
        var stored = await db.Deliveries.GetAsync("ping-1", CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Null(stored.Action);
        Assert.Null(stored.InstallationId);
        Assert.Null(stored.RepositoryFullName);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Get_returns_the_stored_delivery_with_its_payload_byte_for_byte(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        // Every byte value, including NUL and bytes that are not valid UTF-8: the payload column is binary, not text.
        var payload = Encoding.UTF8.GetBytes("""{"action":"created","text":"ünïcödé ✓"}""")
            .Concat(Enumerable.Range(0, 256).Select(b => (byte)b))
            .ToArray();
        var delivery = new WebhookDelivery("get-1", "issue_comment", "created", 7, "octo/repo", payload, T0.AddMilliseconds(123));
        await db.Deliveries.InsertAsync(SampleDeliveries.New("other"), CancellationToken.None);
        Assert.Equal(DeliveryInsertOutcome.Stored, await db.Deliveries.InsertAsync(delivery, CancellationToken.None));

        var stored = await db.Deliveries.GetAsync("get-1", CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal(delivery.DeliveryId, stored.DeliveryId);
        Assert.Equal(delivery.Event, stored.Event);
        Assert.Equal(delivery.Action, stored.Action);
        Assert.Equal(delivery.InstallationId, stored.InstallationId);
        Assert.Equal(delivery.RepositoryFullName, stored.RepositoryFullName);
        Assert.Equal(delivery.ReceivedAt, stored.ReceivedAt);
        Assert.Equal(payload, stored.Payload.ToArray());

        // Marking it dispatched does not make it unreadable: the job loads it after the dispatcher has marked it.
        await db.Deliveries.MarkDispatchedAsync(["get-1"], T0.AddMinutes(1), CancellationToken.None);
        Assert.Equal(payload, (await db.Deliveries.GetAsync("get-1", CancellationToken.None))?.Payload.ToArray());
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Get_of_an_id_that_is_not_stored_is_null(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        Assert.Null(await db.Deliveries.GetAsync("never-stored", CancellationToken.None));

        await db.Deliveries.InsertAsync(SampleDeliveries.New("stored"), CancellationToken.None);

        Assert.Null(await db.Deliveries.GetAsync("never-stored", CancellationToken.None));
        Assert.Null(await db.Deliveries.GetAsync("STORED", CancellationToken.None));
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

        var firstThree = await db.Deliveries.ListUndispatchedAsync(3, CancellationToken.None);
        Assert.Equal(
            ids[..3].Select((id, i) => new PendingDelivery(id, "issues", "opened", 42, "octo/repo", T0.AddSeconds(i))),
            firstThree);

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
