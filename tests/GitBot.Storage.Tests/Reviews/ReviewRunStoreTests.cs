using GitBot.Core.Reviews.Reports;
using GitBot.Core.Reviews.Runs;
using GitBot.Storage.Reviews;
using GitBot.Storage.Tests.Plans;

namespace GitBot.Storage.Tests.Reviews;

public sealed class ReviewRunStoreTests
{
    private const string Repo = "octo/widgets";

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task A_head_has_one_run_per_agent_and_a_rerun_is_its_next_attempt(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new SqlReviewRunStore(db.Connections, new ManualTime(DateTimeOffset.UnixEpoch.AddDays(1)));
        var run = new NewReviewRun(7, Repo, 3, "aaa", ReviewAgentKind.Security);

        var first = await store.RequestAsync(run, again: false, CancellationToken.None);
        var duplicate = await store.RequestAsync(run, again: false, CancellationToken.None);
        var whileQueued = await store.RequestAsync(run, again: true, CancellationToken.None);

        Assert.True(first.Scheduled);
        Assert.Equal((1, ReviewRunState.Queued), (first.Run.Attempt, first.Run.State));
        Assert.False(duplicate.Scheduled);
        Assert.False(whileQueued.Scheduled);
        Assert.Equal(first.Run.Id, duplicate.Run.Id);

        Assert.True(await store.SetCheckRunAsync(first.Run.Id, 1, 555, CancellationToken.None));
        Assert.True(await store.MarkRunningAsync(first.Run.Id, 1, CancellationToken.None));
        Assert.True(await store.CompleteAsync(first.Run.Id, 1, 99, "failure", "1 blocking finding", CancellationToken.None));
        Assert.False(await store.CompleteAsync(first.Run.Id, 1, 98, "success", "late duplicate", CancellationToken.None));
        var done = await store.GetAsync(first.Run.Id, CancellationToken.None);
        Assert.Equal((ReviewRunState.Completed, 555L, 99L, "failure"), (done!.State, done.CheckRunId, done.ReviewId, done.Conclusion));

        Assert.False((await store.RequestAsync(run, again: false, CancellationToken.None)).Scheduled);
        var rerun = await store.RequestAsync(run, again: true, CancellationToken.None);
        Assert.True(rerun.Scheduled);
        Assert.Equal((2, ReviewRunState.Queued, (long?)null), (rerun.Run.Attempt, rerun.Run.State, rerun.Run.CheckRunId));

        // A write of the old attempt changes nothing.
        Assert.False(await store.MarkRunningAsync(first.Run.Id, 1, CancellationToken.None));
        Assert.True(await store.MarkRunningAsync(first.Run.Id, 2, CancellationToken.None));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task A_new_head_supersedes_the_unfinished_runs_of_older_heads_only(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new SqlReviewRunStore(db.Connections, TimeProvider.System);
        var oldSecurity = (await store.RequestAsync(new NewReviewRun(7, Repo, 3, "old", ReviewAgentKind.Security), false, CancellationToken.None)).Run;
        var oldJudge = (await store.RequestAsync(new NewReviewRun(7, Repo, 3, "old", ReviewAgentKind.Judge), false, CancellationToken.None)).Run;
        Assert.True(await store.CompleteAsync(oldJudge.Id, 1, null, "success", "Score 9/10", CancellationToken.None));
        var otherPull = (await store.RequestAsync(new NewReviewRun(7, Repo, 4, "old", ReviewAgentKind.Security), false, CancellationToken.None)).Run;
        var current = (await store.RequestAsync(new NewReviewRun(7, Repo, 3, "new", ReviewAgentKind.Security), false, CancellationToken.None)).Run;

        var superseded = await store.SupersedeOtherHeadsAsync(Repo, 3, "new", CancellationToken.None);

        Assert.Equal([oldSecurity.Id], superseded.Select(r => r.Id));
        Assert.Equal(ReviewRunState.Superseded, (await store.GetAsync(oldSecurity.Id, CancellationToken.None))!.State);
        Assert.Equal(ReviewRunState.Completed, (await store.GetAsync(oldJudge.Id, CancellationToken.None))!.State);
        Assert.Equal(ReviewRunState.Queued, (await store.GetAsync(otherPull.Id, CancellationToken.None))!.State);
        Assert.Equal(ReviewRunState.Queued, (await store.GetAsync(current.Id, CancellationToken.None))!.State);
        Assert.Equal(3, (await store.ListAsync(Repo, 3, CancellationToken.None)).Count);
        Assert.False(await store.MarkRunningAsync(oldSecurity.Id, 1, CancellationToken.None));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task The_pusher_of_a_head_survives_a_new_store_and_the_first_record_wins(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await new SqlReviewRunStore(db.Connections, TimeProvider.System).RecordPusherAsync(Repo, "abc", "dave", CancellationToken.None);
        var store = new SqlReviewRunStore(db.Connections, TimeProvider.System);
        await store.RecordPusherAsync(Repo, "abc", "mallory", CancellationToken.None);

        Assert.Equal("dave", await store.FindPusherAsync(Repo, "abc", CancellationToken.None));
        Assert.Null(await store.FindPusherAsync(Repo, "def", CancellationToken.None));
        Assert.Null(await store.FindPusherAsync("octo/other", "abc", CancellationToken.None));
    }
}
