using GitBot.Core.Plans;
using GitBot.Core.Runs;
using GitBot.Storage.Runs;
using static GitBot.Storage.Tests.Plans.PlanTestData;

namespace GitBot.Storage.Tests.Runs;

public sealed class AgentRunStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task A_started_run_is_Running_and_finishing_records_every_field(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new SqlAgentRunStore(db.Connections);
        var subject = new AgentRunSubject(Repository, AgentRunKind.Task, Issue, null, 41, "B", 2);

        var id = await store.StartAsync(new AgentRunStart(subject, "backend", "claude-code", "node-a", "/logs/41/B-2.log", T0), None);
        var running = await store.GetAsync(id, None);

        Assert.NotNull(running);
        Assert.Equal(subject, running.Subject);
        Assert.Equal(AgentRunRecord.RunningState, running.State);
        Assert.True(running.IsRunning);
        Assert.Equal(("backend", "claude-code", "node-a", "/logs/41/B-2.log"), (running.Role, running.Backend, running.Node, running.LogPath));
        Assert.Equal(Ms(T0), running.StartedAt);
        Assert.Equal(0m, running.CostUsd);

        var finish = new AgentRunFinish("Succeeded", 0, 7, 12_345_678_901, 4321, 0.1234567m, "done: added the endpoint", T0.AddMinutes(3));
        Assert.True(await store.FinishAsync(id, finish, None));

        var done = await store.GetAsync(id, None);
        Assert.NotNull(done);
        Assert.Equal(
            running with
            {
                State = "Succeeded",
                ExitCode = 0,
                Turns = 7,
                InputTokens = 12_345_678_901,
                OutputTokens = 4321,
                CostUsd = 0.1234567m,
                ExitReason = "done: added the endpoint",
                FinishedAt = Ms(T0.AddMinutes(3)),
            },
            done);
        Assert.Equal(Ms(T0.AddMinutes(3)) - Ms(T0), done.Duration(T0.AddHours(1)));
        Assert.Null(await store.GetAsync(id + 1000, None));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task A_run_is_finished_at_most_once(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new SqlAgentRunStore(db.Connections);
        var id = await store.StartAsync(new AgentRunStart(new AgentRunSubject(Repository, AgentRunKind.Fix, PullNumber: 5), "fixer", "command", "n", null, T0), None);

        Assert.True(await store.FinishAsync(id, new AgentRunFinish("TimedOut", null, 3, 1, 2, 0.5m, "timed out", T0.AddMinutes(1)), None));
        Assert.False(await store.FinishAsync(id, new AgentRunFinish("Succeeded", 0, 9, 9, 9, 9m, "late", T0.AddMinutes(2)), None));
        Assert.False(await store.FinishAsync(id + 1000, new AgentRunFinish("Succeeded", 0, 9, 9, 9, 9m, "unknown", T0), None));

        var run = await store.GetAsync(id, None);
        Assert.NotNull(run);
        Assert.Equal(("TimedOut", (int?)null, 3, 0.5m, "timed out"), (run.State, run.ExitCode, run.Turns, run.CostUsd, run.ExitReason));
        Assert.Equal(Ms(T0.AddMinutes(1)), run.FinishedAt);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task An_issue_lists_its_own_runs_and_runs_on_its_plans_pull_request_newest_first(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new SqlAgentRunStore(db.Connections);
        var (plans, _) = NewStore(db);
        var plan = (await plans.CreateAsync(NewPlan(), None)).Plan;
        Assert.True(await plans.ApplyAsync(new PlanChange(1, plan with { PullRequestNumber = 77 }, [], []), None));
        var other = (await plans.CreateAsync(NewPlan(issue: Issue + 1), None)).Plan;
        Assert.True(await plans.ApplyAsync(new PlanChange(1, other with { PullRequestNumber = 88 }, [], []), None));

        async Task<long> Start(AgentRunSubject subject, string role) =>
            await store.StartAsync(new AgentRunStart(subject, role, "claude-code", "n", null, T0), None);

        var planner = await Start(new AgentRunSubject(Repository, AgentRunKind.Planner, Issue, null, plan.Id), "planner");
        var task = await Start(new AgentRunSubject(Repository, AgentRunKind.Task, Issue, null, plan.Id, "A"), "backend");
        var review = await Start(new AgentRunSubject(Repository, AgentRunKind.Review, PullNumber: 77), "security");
        // Both issue and pull request named: listed once.
        var fix = await Start(new AgentRunSubject(Repository, AgentRunKind.Fix, Issue, 77), "fixer");
        // Not this issue's: another issue, another issue's pull request, the same numbers in another repository.
        await Start(new AgentRunSubject(Repository, AgentRunKind.Planner, Issue + 1, null, other.Id), "planner");
        await Start(new AgentRunSubject(Repository, AgentRunKind.Review, PullNumber: 88), "tests");
        await Start(new AgentRunSubject("octo/other", AgentRunKind.Review, Issue, 77), "judge");

        var runs = await store.ListForIssueAsync(Repository, Issue, 10, None);
        Assert.Equal([fix, review, task, planner], runs.Select(r => r.Id));
        Assert.Equal([fix, review], (await store.ListForIssueAsync(Repository, Issue, 2, None)).Select(r => r.Id));
        Assert.Empty(await store.ListForIssueAsync(Repository, 999, 10, None));

        Assert.Equal([planner, task], (await store.ListForPlanAsync(plan.Id, None)).Select(r => r.Id));
        Assert.Equal("A", (await store.ListForPlanAsync(plan.Id, None))[1].Subject.TaskId);
    }
}
