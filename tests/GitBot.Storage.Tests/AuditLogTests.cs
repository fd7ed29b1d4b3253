using GitBot.Core.Auditing;

namespace GitBot.Storage.Tests;

public sealed class AuditLogTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Entries_are_listed_newest_first_optionally_by_subject(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var log = db.AuditLog;
        var first = new AuditEntry(T0, "gitbot", "delivery.dispatched", "octo/repo#1", DeliveryId: "d1");
        var second = new AuditEntry(T0.AddSeconds(1), "alice", "task.approved", "octo/repo#2", """{"label":"gitbot"}""");
        var third = new AuditEntry(T0.AddSeconds(2), "gitbot", "pr.opened", "octo/repo#1");
        foreach (var entry in new[] { first, second, third })
        {
            await log.AppendAsync(entry, CancellationToken.None);
        }

        Assert.Equal(new[] { third, second, first }, await log.ListAsync(null, 10, CancellationToken.None));
        Assert.Equal(new[] { third, first }, await log.ListAsync("octo/repo#1", 10, CancellationToken.None));
        Assert.Equal(new[] { third }, await log.ListAsync(null, 1, CancellationToken.None));
        Assert.Empty(await log.ListAsync("nobody", 10, CancellationToken.None));
    }
}
