using GitBot.Core.Budgets;
using GitBot.Core.Plans;
using GitBot.Storage.Budgets;
using GitBot.Storage.Plans;
using GitBot.Storage.Tests.Plans;
using static GitBot.Storage.Tests.Plans.PlanTestData;

namespace GitBot.Storage.Tests.Budgets;

public sealed class SqlIssueSpendingStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task An_unknown_issue_has_spent_nothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new SqlIssueSpendingStore(db.Connections, new ManualTime(T0));

        Assert.Equal(0m, await store.GetSpentAsync(Repository, Issue, null, None));
        Assert.Equal(0m, await store.GetSpentAsync(Repository, Issue, 1, None));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Recording_the_same_run_twice_counts_it_once(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new SqlIssueSpendingStore(db.Connections, new ManualTime(T0));

        Assert.True(await store.RecordAsync(new SpendingEntry(Repository, Issue, SpendingSource.Fix, "1001", 0.1m), None));
        Assert.False(await store.RecordAsync(new SpendingEntry(Repository, Issue, SpendingSource.Fix, "1001", 5m), None));
        Assert.Equal(0.1m, await store.GetSpentAsync(Repository, Issue, null, None));

        // Same key under another source, issue or repository is another run.
        Assert.True(await store.RecordAsync(new SpendingEntry(Repository, Issue, SpendingSource.Feedback, "1001", 0.2m), None));
        Assert.True(await store.RecordAsync(new SpendingEntry(Repository, Issue + 1, SpendingSource.Fix, "1001", 7m), None));
        Assert.True(await store.RecordAsync(new SpendingEntry("octo/other", Issue, SpendingSource.Fix, "1001", 9m), None));

        // 0.1 + 0.2 is exactly 0.3: no floating point on either provider.
        Assert.Equal("0.3", (await store.GetSpentAsync(Repository, Issue, null, None)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(7m, await store.GetSpentAsync(Repository, Issue + 1, null, None));
        Assert.Equal(9m, await store.GetSpentAsync("octo/other", Issue, null, None));
        Assert.Equal(4L, await db.ScalarAsync("SELECT COUNT(*) FROM issue_spending"));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Spent_sums_the_tasks_of_every_plan_and_the_ledger_except_the_named_plan(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (plans, _) = NewStore(db);
        var store = new SqlIssueSpendingStore(db.Connections, new ManualTime(T0));

        // An earlier plan of the issue (re-planned away) that spent 1.25, then the current plan with 0.5 + 0.05.
        var old = await PlanWithCostsAsync(plans, Repository, Issue, finish: true, 1m, 0.25m);
        var current = await PlanWithCostsAsync(plans, Repository, Issue, finish: false, 0.5m, 0.05m);
        // Another issue's and another repository's plans never count.
        await PlanWithCostsAsync(plans, Repository, Issue + 1, finish: false, 100m);
        await PlanWithCostsAsync(plans, "octo/other", Issue, finish: false, 200m);
        await store.RecordAsync(new SpendingEntry(Repository, Issue, SpendingSource.Review, "77/1/security", 0.0123m), None);
        await store.RecordAsync(new SpendingEntry(Repository, Issue, SpendingSource.Fix, "555", 0.4m), None);

        Assert.Equal(1.25m + 0.55m + 0.4123m, await store.GetSpentAsync(Repository, Issue, null, None));
        Assert.Equal(1.25m + 0.4123m, await store.GetSpentAsync(Repository, Issue, current, None));
        Assert.Equal(0.55m + 0.4123m, await store.GetSpentAsync(Repository, Issue, old, None));
        // A plan id of another issue excludes nothing of this one.
        Assert.Equal(100m, await store.GetSpentAsync(Repository, Issue + 1, current, None));
    }

    private static async Task<long> PlanWithCostsAsync(SqlPlanStore plans, string repository, int issue, bool finish, params decimal[] costs)
    {
        var plan = (await plans.CreateAsync(NewPlan(repository, issue), None)).Plan;
        var tasks = costs.Select((cost, i) => NewTask(plan.Id, $"t{i}", i, TaskState.Succeeded) with { CostUsd = cost }).ToList();
        var state = finish ? PlanState.Cancelled : PlanState.Running;
        Assert.True(await plans.ApplyAsync(new PlanChange(1, plan with { State = state }, tasks, []), None));
        return plan.Id;
    }
}
