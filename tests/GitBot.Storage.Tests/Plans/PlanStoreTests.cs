using GitBot.Core.Plans;
using static GitBot.Storage.Tests.Plans.PlanTestData;

namespace GitBot.Storage.Tests.Plans;

public sealed class PlanStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Every_plan_and_task_field_round_trips(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (store, time) = NewStore(db);

        var creation = await store.CreateAsync(NewPlan(), None);

        Assert.True(creation.Created);
        var created = creation.Plan;
        var expectedCreated = new PlanRecord(
            created.Id, 7_000_000_001, Repository, Issue, "Add a health endpoint ✓", PlanState.Planning, 1, "agent:backend", "alice",
            "main", "https://github.com/octo/repo.git", "trigger_label: agent\nlimits:\n  max_parallel_tasks: 2\n", null, null, null, Ms(T0), Ms(T0));
        Assert.Equal(expectedCreated, created);
        var read = await store.GetAsync(created.Id, None);
        Assert.Equal(created, read!.Plan);
        Assert.Empty(read.Tasks);

        time.Now = T0.AddMinutes(3);
        var started = T0.AddMinutes(1);
        var full = new TaskRecord(
            created.Id, 1, new PlannedTask("api", "Build the API", "backend", "Line 1\nLine 2 \"q\" ✓", ["db", "cfg"], ["src/**/*.cs", "README.md"]),
            TaskState.Running, 2, Ms(started), Ms(started.AddSeconds(90)), 0.1m + 0.2m, "0123456789abcdef0123456789abcdef01234567",
            "retried after a timeout", "/data/logs/12/api-2.log", "node-b");
        var bare = NewTask(created.Id, "db", 0);
        var running = created with
        {
            IssueTitle = "Add a /health endpoint",
            State = PlanState.Running,
            PlanCommentId = 9_876_543_210_123,
            PullRequestNumber = 42,
            Reason = "because",
        };

        Assert.True(await store.ApplyAsync(new PlanChange(1, running, [full, bare], []), None));

        var snapshot = await store.GetAsync(created.Id, None);
        Assert.NotNull(snapshot);
        Assert.Equal(running with { Version = 2, UpdatedAt = Ms(T0.AddMinutes(3)) }, snapshot.Plan);
        AssertSameTasks([bare, full], snapshot.Tasks);
        Assert.Equal("0.3", snapshot.Tasks[1].CostUsd.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(snapshot.Plan, (await store.FindActiveAsync(Repository, Issue, None))!.Plan);
        AssertSameTasks(snapshot.Tasks, (await store.FindLatestAsync(Repository, Issue, None))!.Tasks);

        // An update of an existing task row (upsert) keeps one row per task id and replaces every column.
        var done = full with { State = TaskState.Succeeded, CostUsd = 12345678.123456789012m, Definition = full.Definition with { DependsOn = [], Files = [] }, Node = null };
        Assert.True(await store.ApplyAsync(new PlanChange(2, snapshot.Plan, [done], []), None));
        var after = await store.GetAsync(created.Id, None);
        Assert.Equal(3, after!.Plan.Version);
        AssertSameTasks([bare, done], after.Tasks);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task A_duplicate_create_returns_the_unfinished_plan_and_writes_nothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (store, time) = NewStore(db);
        var first = await store.CreateAsync(NewPlan(), None);

        time.Now = T0.AddSeconds(5);
        var second = await store.CreateAsync(NewPlan(requestedBy: "bob") with { IssueTitle = "renamed", DeliveryId = "delivery-2" }, None);

        Assert.False(second.Created);
        Assert.Equal(first.Plan, second.Plan);
        Assert.Equal(1, await db.ScalarAsync("SELECT COUNT(*) FROM plans"));
        var audit = await db.AuditLog.ListAsync(null, 10, None);
        var entry = Assert.Single(audit);
        Assert.Equal(new Core.Auditing.AuditEntry(Ms(T0), "alice", "plan.created", "octo/repo#12", $$"""{"plan":{{first.Plan.Id}},"label":"agent:backend"}""", "delivery-1"), entry);

        // Another issue, or the same number in another repository, is a different plan.
        Assert.True((await store.CreateAsync(NewPlan(issue: 13), None)).Created);
        Assert.True((await store.CreateAsync(NewPlan(repository: "octo/other"), None)).Created);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Concurrent_creates_for_one_issue_make_exactly_one_plan(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (store, _) = NewStore(db);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Task.Run(() => store.CreateAsync(NewPlan(requestedBy: $"user{i}"), None))));

        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.Plan.Id).Distinct());
        Assert.Equal(1, await db.ScalarAsync("SELECT COUNT(*) FROM plans"));
        Assert.Equal(1, await db.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'plan.created'"));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Finishing_a_plan_frees_the_issue_for_a_new_plan(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (store, _) = NewStore(db);
        var old = (await store.CreateAsync(NewPlan(), None)).Plan;

        Assert.True(await store.ApplyAsync(new PlanChange(1, old with { State = PlanState.Cancelled, Reason = "label removed" }, [], []), None));

        Assert.Null(await store.FindActiveAsync(Repository, Issue, None));
        Assert.Equal(old.Id, (await store.FindLatestAsync(Repository, Issue, None))!.Plan.Id);
        var next = await store.CreateAsync(NewPlan(), None);
        Assert.True(next.Created);
        Assert.True(next.Plan.Id > old.Id);
        Assert.Equal(next.Plan, (await store.FindActiveAsync(Repository, Issue, None))!.Plan);
        Assert.Equal(next.Plan, (await store.FindLatestAsync(Repository, Issue, None))!.Plan);
        var finished = (await store.GetAsync(old.Id, None))!.Plan;
        Assert.Equal((PlanState.Cancelled, "label removed", 2), (finished.State, finished.Reason, finished.Version));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ListUnfinished_returns_unfinished_plans_oldest_first_with_their_tasks(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (store, _) = NewStore(db);
        var one = (await store.CreateAsync(NewPlan(issue: 1), None)).Plan;
        var two = (await store.CreateAsync(NewPlan(issue: 2), None)).Plan;
        var three = (await store.CreateAsync(NewPlan(repository: "octo/other", issue: 3), None)).Plan;
        var oneTasks = new[] { NewTask(one.Id, "a", 0), NewTask(one.Id, "b", 1, TaskState.Pending, "a") };
        var threeTasks = new[] { NewTask(three.Id, "x", 0, TaskState.Ready) };
        Assert.True(await store.ApplyAsync(new PlanChange(1, one with { State = PlanState.Running }, oneTasks, []), None));
        Assert.True(await store.ApplyAsync(new PlanChange(1, two with { State = PlanState.Succeeded, PullRequestNumber = 5 }, [NewTask(two.Id, "z", 0, TaskState.Succeeded)], []), None));
        Assert.True(await store.ApplyAsync(new PlanChange(1, three with { State = PlanState.AwaitingApproval }, threeTasks, []), None));

        var unfinished = await store.ListUnfinishedAsync(None);

        Assert.Equal([one.Id, three.Id], unfinished.Select(s => s.Plan.Id));
        Assert.Equal([PlanState.Running, PlanState.AwaitingApproval], unfinished.Select(s => s.Plan.State));
        AssertSameTasks(oneTasks, unfinished[0].Tasks);
        AssertSameTasks(threeTasks, unfinished[1].Tasks);
        Assert.Null(await store.FindActiveAsync(Repository, 2, None));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Unknown_plans_read_as_null_and_cannot_be_changed(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (store, _) = NewStore(db);
        var plan = (await store.CreateAsync(NewPlan(), None)).Plan;

        Assert.Null(await store.GetAsync(plan.Id + 1, None));
        Assert.Null(await store.FindActiveAsync(Repository, Issue + 1, None));
        Assert.Null(await store.FindLatestAsync("octo/none", Issue, None));
        Assert.False(await store.ApplyAsync(new PlanChange(1, plan with { Id = plan.Id + 1 }, [], []), None));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            store.ApplyAsync(new PlanChange(1, plan, [NewTask(plan.Id + 1, "a", 0)], []), None));
        Assert.Equal(1, (await store.GetAsync(plan.Id, None))!.Plan.Version);
    }
}
