using GitBot.Core.Reviews.Gate;
using GitBot.Storage.Reviews;
using GitBot.Storage.Tests.Plans;
using static GitBot.Storage.Tests.Plans.PlanTestData;

namespace GitBot.Storage.Tests.Reviews;

/// <summary><c>pull_request_gates</c>: one row per pull request, replaced on every write, on both providers.</summary>
public sealed class GateRecordStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task A_gate_is_stored_per_pull_request_and_replaced_by_the_next_write(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var time = new ManualTime(T0);
        var store = new SqlGateRecordStore(db.Connections, time);
        Assert.Null(await store.GetAsync(Repository, 40, None));

        await store.UpsertAsync(Repository, 40, "aaa111", GateConclusion.Pending, "1 more approval\ngitbot/tests has not reported", None);
        await store.UpsertAsync(Repository, 41, "bbb222", GateConclusion.Failure, "gitbot/security failed", None);
        Assert.Equal(
            new GateRecord(Repository, 40, "aaa111", GateConclusion.Pending, "1 more approval\ngitbot/tests has not reported",
                DateTimeOffset.FromUnixTimeMilliseconds(T0.ToUnixTimeMilliseconds())),
            await store.GetAsync(Repository, 40, None));

        time.Now = T0.AddMinutes(2);
        await store.UpsertAsync(Repository, 40, "ccc333", GateConclusion.Success, "All requirements met", None);
        var green = await store.GetAsync(Repository, 40, None);
        Assert.Equal(("ccc333", GateConclusion.Success, "All requirements met", T0.AddMinutes(2).ToUnixTimeMilliseconds()),
            (green!.HeadSha, green.Conclusion, green.Summary, green.UpdatedAt.ToUnixTimeMilliseconds()));
        Assert.Equal(GateConclusion.Failure, (await store.GetAsync(Repository, 41, None))!.Conclusion);
        Assert.Null(await store.GetAsync("other/repo", 40, None));
        Assert.Equal(2, await db.ScalarAsync("SELECT COUNT(*) FROM pull_request_gates"));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Every_write_moves_updated_at_forward_even_within_one_millisecond_or_when_the_clock_steps_back(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var time = new ManualTime(T0);
        var store = new SqlGateRecordStore(db.Connections, time);

        await store.UpsertAsync(Repository, 40, "aaa", GateConclusion.Pending, "x", None);
        var first = (await store.GetAsync(Repository, 40, None))!.UpdatedAt;
        await store.UpsertAsync(Repository, 40, "aaa", GateConclusion.Failure, "y", None);
        var second = (await store.GetAsync(Repository, 40, None))!.UpdatedAt;
        time.Now = T0.AddSeconds(-30);
        await store.UpsertAsync(Repository, 40, "aaa", GateConclusion.Pending, "z", None);
        var third = await store.GetAsync(Repository, 40, None);

        Assert.Equal(first.AddMilliseconds(1), second);
        Assert.Equal(second.AddMilliseconds(1), third!.UpdatedAt);
        Assert.Equal("z", third.Summary);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task The_summary_is_stored_scrubbed_and_at_most_2000_characters(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new SqlGateRecordStore(db.Connections, new ManualTime(T0));
        const string Token = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";

        await store.UpsertAsync(Repository, 40, "aaa", GateConclusion.Failure, "leaked " + Token + "\n" + new string('m', 5000), None);
        var stored = (await store.GetAsync(Repository, 40, None))!.Summary;

        Assert.DoesNotContain(Token, stored, StringComparison.Ordinal);
        Assert.StartsWith("leaked ", stored, StringComparison.Ordinal);
        Assert.Equal(GateRecord.MaxSummaryChars, stored.Length);
        Assert.EndsWith("…", stored, StringComparison.Ordinal);
    }
}
