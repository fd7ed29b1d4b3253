using GitBot.Core.Auditing;
using GitBot.Core.Plans;
using static GitBot.Storage.Tests.Plans.PlanTestData;

namespace GitBot.Storage.Tests.Plans;

/// <summary>ApplyAsync: the version check, atomicity with tasks and audit entries, and racing writers.</summary>
public sealed class PlanChangeTests
{
    private const string Subject = "octo/repo#12";
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task A_change_at_a_stale_version_returns_false_and_writes_nothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (store, time) = NewStore(db);
        var plan = (await store.CreateAsync(NewPlan(), None)).Plan;
        var ready = NewTask(plan.Id, "a", 0, TaskState.Ready);
        Assert.True(await store.ApplyAsync(new PlanChange(1, plan with { State = PlanState.Running }, [ready], [Entry("task.ready")]), None));
        var before = await store.GetAsync(plan.Id, None);
        var auditBefore = await db.AuditLog.ListAsync(null, 100, None);

        time.Now = T0.AddHours(1);
        var stale = new PlanChange(
            1,
            plan with { State = PlanState.Cancelled, Reason = "stale" },
            [ready with { State = TaskState.Running, Attempt = 1 }, NewTask(plan.Id, "b", 1)],
            [Entry("task.started"), Entry("plan.cancelled")]);
        Assert.False(await store.ApplyAsync(stale, None));
        Assert.False(await store.ApplyAsync(stale with { ExpectedVersion = 3 }, None));

        var after = await store.GetAsync(plan.Id, None);
        Assert.Equal(before!.Plan, after!.Plan);
        Assert.Equal(2, after.Plan.Version);
        AssertSameTasks(before.Tasks, after.Tasks);
        Assert.Equal(auditBefore, await db.AuditLog.ListAsync(null, 100, None));
        Assert.Equal(1, await db.ScalarAsync("SELECT COUNT(*) FROM plan_tasks"));
        Assert.NotNull(await store.FindActiveAsync(Repository, Issue, None));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Concurrent_changes_at_the_same_version_apply_exactly_one(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (store, _) = NewStore(db);
        var plan = (await store.CreateAsync(NewPlan(), None)).Plan;
        const int Writers = 8;

        var results = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(() => store.ApplyAsync(
            new PlanChange(
                1,
                plan with { State = PlanState.Running, Reason = $"writer {i}" },
                [NewTask(plan.Id, $"t{i}", 0)],
                [Entry($"writer.{i}")]),
            None))));

        var winner = Assert.Single(Enumerable.Range(0, Writers), i => results[i]);
        var snapshot = await store.GetAsync(plan.Id, None);
        Assert.Equal((2, $"writer {winner}"), (snapshot!.Plan.Version, snapshot.Plan.Reason));
        Assert.Equal([$"t{winner}"], snapshot.Tasks.Select(t => t.Id));
        Assert.Equal(
            [$"writer.{winner}", "plan.created"],
            (await db.AuditLog.ListAsync(Subject, 100, None)).Select(e => e.Action));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Audit_entries_are_written_with_their_change_and_only_with_it(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (store, _) = NewStore(db);
        var plan = (await store.CreateAsync(NewPlan(), None)).Plan;
        var first = new AuditEntry(Ms(T0.AddSeconds(1)), "node-a", "task.ready", Subject, """{"task":"a"}""", "delivery-1");
        var second = new AuditEntry(Ms(T0.AddSeconds(2)), "node-a", "task.running", Subject);

        Assert.True(await store.ApplyAsync(new PlanChange(1, plan, [NewTask(plan.Id, "a", 0, TaskState.Running)], [first, second]), None));
        Assert.True(await store.ApplyAsync(new PlanChange(2, plan with { PlanCommentId = 77 }, [], []), None));
        Assert.False(await store.ApplyAsync(new PlanChange(2, plan, [], [Entry("never.written")]), None));

        var audit = await db.AuditLog.ListAsync(Subject, 100, None);
        Assert.Equal(3, audit.Count);
        Assert.Equal([second, first], audit.Take(2));
        Assert.Equal("plan.created", audit[2].Action);
        Assert.Equal(3, (await store.GetAsync(plan.Id, None))!.Plan.Version);
    }

    private static AuditEntry Entry(string action) => new(Ms(T0), "node-a", action, Subject);
}
