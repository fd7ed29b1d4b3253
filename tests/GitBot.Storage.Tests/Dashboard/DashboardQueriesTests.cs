using GitBot.Core.Dashboard;
using GitBot.Core.Plans;
using GitBot.Core.Reviews.Reports;
using GitBot.Core.Reviews.Runs;
using GitBot.Core.Runs;
using GitBot.Storage.Dashboard;
using GitBot.Storage.Plans;
using GitBot.Storage.Reviews;
using GitBot.Storage.Runs;
using static GitBot.Storage.Tests.Plans.PlanTestData;

namespace GitBot.Storage.Tests.Dashboard;

/// <summary>The dashboard's queries over rows written by the real stores, on both providers.</summary>
public sealed class DashboardQueriesTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Repositories_have_plan_counts_running_tasks_and_exact_spend_filtered_to_the_viewer(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (plans, _) = NewStore(db);
        var runs = new SqlAgentRunStore(db.Connections);
        var active = (await plans.CreateAsync(NewPlan("octo/repo", 1), None)).Plan;
        await Apply(plans, active, PlanState.Running, NewTask(active.Id, "a", 0, TaskState.Running), NewTask(active.Id, "b", 1));
        var done = (await plans.CreateAsync(NewPlan("octo/repo", 2), None)).Plan;
        await Apply(plans, done, PlanState.Succeeded);
        await plans.CreateAsync(NewPlan("other/repo", 3), None);
        await Run(runs, "octo/repo", 1, 0.1m);
        await Run(runs, "octo/repo", 1, 0.2m);
        await Run(runs, "other/repo", 3, 1.5m);
        var queries = new SqlDashboardQueries(db.Connections, plans);

        var all = await queries.ListRepositoriesAsync(null, None);
        Assert.Equal(
            [new RepositorySummary("octo/repo", 1, 1, 1, 0.3m), new RepositorySummary("other/repo", 1, 0, 0, 1.5m)],
            all);
        var mine = await queries.ListRepositoriesAsync(["OCTO/Repo"], None);
        Assert.Equal(["octo/repo"], mine.Select(r => r.Repository));
        Assert.Empty(await queries.ListRepositoriesAsync([], None));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Issues_are_paged_newest_first_with_the_newest_plan_tasks_and_cost(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (plans, _) = NewStore(db);
        var runs = new SqlAgentRunStore(db.Connections);
        for (var issue = 1; issue <= 5; issue++)
        {
            var plan = (await plans.CreateAsync(NewPlan(issue: issue), None)).Plan;
            await Apply(plans, plan, PlanState.Failed, NewTask(plan.Id, "a", 0, TaskState.Succeeded), NewTask(plan.Id, "b", 1, TaskState.Failed));
        }

        // Issue 5's second plan replaces its first on the page.
        var newer = (await plans.CreateAsync(NewPlan(issue: 5), None)).Plan;
        await Apply(plans, newer with { PullRequestNumber = 40 }, PlanState.Running, NewTask(newer.Id, "x", 0, TaskState.Running));
        await Run(runs, Repository, 5, 0.25m);
        await Run(runs, Repository, 5, 0.5m);
        var queries = new SqlDashboardQueries(db.Connections, plans);

        var first = await queries.ListIssuesAsync(Repository, 1, 2, None);
        Assert.True(first.HasMore);
        Assert.Equal([5, 4], first.Issues.Select(i => i.IssueNumber));
        Assert.Equal(new IssueSummary(5, newer.IssueTitle, newer.Id, PlanState.Running, 0, 1, 0.75m, 40, first.Issues[0].UpdatedAt), first.Issues[0]);
        Assert.Equal((1, 2, 0m), (first.Issues[1].TasksDone, first.Issues[1].TasksTotal, first.Issues[1].CostUsd));
        var last = await queries.ListIssuesAsync(Repository, 3, 2, None);
        Assert.False(last.HasMore);
        Assert.Equal([1], last.Issues.Select(i => i.IssueNumber));
        Assert.Empty((await queries.ListIssuesAsync("nobody/here", 1, 2, None)).Issues);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task An_issue_has_its_plan_runs_head_checks_and_gate_and_its_fingerprint_moves(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (plans, time) = NewStore(db);
        var runs = new SqlAgentRunStore(db.Connections);
        var reviews = new SqlReviewRunStore(db.Connections, time);
        var plan = (await plans.CreateAsync(NewPlan(), None)).Plan;
        await Apply(plans, plan with { PullRequestNumber = 40 }, PlanState.Running, NewTask(plan.Id, "a", 0, TaskState.Succeeded), NewTask(plan.Id, "b", 1, TaskState.Running, "a"));
        var taskRun = await Run(runs, Repository, Issue, 0.1m);
        var reviewRun = await runs.StartAsync(new AgentRunStart(new AgentRunSubject(Repository, AgentRunKind.Review, PullNumber: 40), "security", "claude-code", "node-2", null, T0), None);
        await Run(runs, Repository, 99, 9m);
        var old = await reviews.RequestAsync(new NewReviewRun(1, Repository, 40, "old", ReviewAgentKind.Security), false, None);
        await reviews.CompleteAsync(old.Run.Id, old.Run.Attempt, null, "failure", "old head", None);
        var security = await reviews.RequestAsync(new NewReviewRun(1, Repository, 40, "new", ReviewAgentKind.Security), false, None);
        await reviews.RequestAsync(new NewReviewRun(1, Repository, 40, "new", ReviewAgentKind.Tests), false, None);
        await reviews.CompleteAsync(security.Run.Id, security.Run.Attempt, null, "success", "No findings", None);
        var queries = new SqlDashboardQueries(db.Connections, plans);

        var detail = await queries.GetIssueAsync(Repository, Issue, 50, None);
        Assert.Equal(plan.Id, detail.Plan!.Plan.Id);
        Assert.Equal(["a", "b"], detail.Plan.Tasks.Select(t => t.Id));
        Assert.Equal([reviewRun, taskRun], detail.Runs.Select(r => r.Id));
        Assert.Equal(0.1m, detail.Runs[1].CostUsd);
        Assert.Equal([("security", "completed", "success"), ("tests", "queued", (string?)null)], detail.Checks.Select(c => (c.Name, c.Status, c.Conclusion)));
        Assert.All(detail.Checks, c => Assert.Equal("new", c.HeadSha));
        Assert.Equal(GateStatus.Pending, detail.Gate);
        Assert.Single((await queries.GetIssueAsync(Repository, Issue, 1, None)).Runs);

        var before = await queries.GetFingerprintAsync(Repository, Issue, None);
        Assert.Equal(before, await queries.GetFingerprintAsync(Repository, Issue, None));
        Assert.Equal((2L, reviewRun, 1L), (before.RunCount, before.MaxRunId, before.FinishedRuns));
        await runs.FinishAsync(reviewRun, new AgentRunFinish("Succeeded", 0, 3, 10, 20, 0.05m, null, T0.AddMinutes(1)), None);
        var finished = await queries.GetFingerprintAsync(Repository, Issue, None);
        Assert.NotEqual(before, finished);
        var current = (await plans.GetAsync(plan.Id, None))!.Plan;
        Assert.True(await plans.ApplyAsync(new PlanChange(current.Version, current with { Reason = "x" }, [], []), None));
        Assert.NotEqual(finished, await queries.GetFingerprintAsync(Repository, Issue, None));

        var run = await queries.GetRunAsync(reviewRun, None);
        Assert.Equal(("security", "node-2", "Succeeded", 0.05m), (run!.Role, run.Node, run.State, run.CostUsd));
        Assert.Null(await queries.GetRunAsync(12345, None));
        var none = await queries.GetIssueAsync(Repository, 77, 10, None);
        Assert.Null(none.Plan);
        Assert.Empty(none.Checks);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Costs_sum_exactly_per_utc_day_repository_and_role_over_the_window(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (plans, _) = NewStore(db);
        var runs = new SqlAgentRunStore(db.Connections);
        var now = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
        await Run(runs, "octo/repo", 1, 0.1m, now.AddHours(-1), "backend");
        await Run(runs, "octo/repo", 1, 0.2m, now.AddHours(-2), "backend");
        await Run(runs, "octo/repo", 1, 1m, now.AddDays(-1), "planner");
        await Run(runs, "other/repo", 2, 5m, now.AddDays(-2), "backend");
        await Run(runs, "octo/repo", 1, 100m, now.AddDays(-40), "backend");
        var queries = new SqlDashboardQueries(db.Connections, plans);

        var report = await queries.GetCostsAsync(null, now, 30, None);
        Assert.Equal(30, report.PerDay.Count);
        Assert.Equal(new CostPoint("2026-11-22", 0.3m), report.PerDay[^1]);
        Assert.Equal(new CostPoint("2026-11-21", 1m), report.PerDay[^2]);
        Assert.Equal("2026-10-24", report.PerDay[0].Label);
        Assert.Equal([new CostPoint("other/repo", 5m), new CostPoint("octo/repo", 1.3m)], report.PerRepository);
        Assert.Equal([new CostPoint("backend", 5.3m), new CostPoint("planner", 1m)], report.PerRole);

        var mine = await queries.GetCostsAsync(["octo/repo"], now, 30, None);
        Assert.Equal([new CostPoint("octo/repo", 1.3m)], mine.PerRepository);
        Assert.Equal(1.3m, mine.PerDay.Sum(p => p.CostUsd));
    }

    private static async Task Apply(SqlPlanStore plans, PlanRecord plan, PlanState state, params TaskRecord[] tasks)
    {
        var current = (await plans.GetAsync(plan.Id, None))!.Plan;
        Assert.True(await plans.ApplyAsync(new PlanChange(current.Version, plan with { State = state, Version = current.Version }, tasks, []), None));
    }

    private static async Task<long> Run(SqlAgentRunStore runs, string repository, int issue, decimal cost, DateTimeOffset? at = null, string role = "backend")
    {
        var started = at ?? T0;
        var id = await runs.StartAsync(new AgentRunStart(new AgentRunSubject(repository, AgentRunKind.Task, issue, null, null, "a"), role, "claude-code", "node-1", null, started), None);
        Assert.True(await runs.FinishAsync(id, new AgentRunFinish("Succeeded", 0, 2, 100, 200, cost, null, started.AddMinutes(1)), None));
        return id;
    }
}
