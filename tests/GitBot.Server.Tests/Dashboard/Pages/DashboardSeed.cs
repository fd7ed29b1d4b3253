using GitBot.Core.Plans;
using GitBot.Core.Reviews.Reports;
using GitBot.Core.Reviews.Runs;
using GitBot.Core.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace GitBot.Server.Tests.Dashboard.Pages;

/// <summary>Rows written through the server's own stores, for the dashboard to read.</summary>
internal sealed class DashboardSeed(TestServer server)
{
    public const string AdminToken = "admin-token-0123456789abcdef";
    public const string Repository = "octo/widgets";

    private static readonly CancellationToken None = CancellationToken.None;

    public IPlanStore Plans => server.App.Services.GetRequiredService<IPlanStore>();

    public IAgentRunStore Runs => server.App.Services.GetRequiredService<IAgentRunStore>();

    public IReviewRunStore Reviews => server.App.Services.GetRequiredService<IReviewRunStore>();

    public static Dictionary<string, string?> Settings(params (string Key, string Value)[] extra)
    {
        var settings = TestServer.ConfiguredApp();
        settings["Dashboard:AdminToken"] = AdminToken;
        settings["Dashboard:LivePollInterval"] = "00:00:00.100";
        settings["Dashboard:LogPollInterval"] = "00:00:00.050";
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static HttpRequestMessage Admin(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminToken);
        return request;
    }

    /// <summary>A finished (so no job picks it up) plan of issue <paramref name="issue"/>: A → B, A → C, with the given states.</summary>
    public async Task<PlanRecord> PlanAsync(int issue, string title, TaskState a, TaskState b, TaskState c, int? pull = null, string repository = Repository)
    {
        var plan = (await Plans.CreateAsync(new NewPlan(1, repository, issue, title, "agent", "alice", "main", "https://example.invalid/x.git", "", "d-1"), None)).Plan;
        TaskRecord Task(string id, int ordinal, TaskState state, params string[] deps) =>
            new(plan.Id, ordinal, new PlannedTask(id, $"Title of {id}", "backend", "Do it", deps, []), state, 1, null, null, 0m, null, null, null, null);
        var changed = plan with { State = PlanState.Failed, PullRequestNumber = pull };
        Assert.True(await Plans.ApplyAsync(new PlanChange(plan.Version, changed, [Task("A", 0, a), Task("B", 1, b, "A"), Task("C", 2, c, "A")], []), None));
        return (await Plans.GetAsync(plan.Id, None))!.Plan;
    }

    /// <summary>Moves task <paramref name="taskId"/> of the plan to <paramref name="state"/>.</summary>
    public async Task SetTaskStateAsync(long planId, string taskId, TaskState state)
    {
        var snapshot = (await Plans.GetAsync(planId, None))!;
        var task = snapshot.Tasks.Single(t => t.Id == taskId) with { State = state };
        Assert.True(await Plans.ApplyAsync(new PlanChange(snapshot.Plan.Version, snapshot.Plan, [task], []), None));
    }

    public Task<long> RunAsync(int issue, string? logPath, string taskId = "A", string repository = Repository) =>
        Runs.StartAsync(new AgentRunStart(new AgentRunSubject(repository, AgentRunKind.Task, issue, null, null, taskId), "backend", "claude-code", "node-1", logPath, TimeProvider.System.GetUtcNow().AddMinutes(-2)), None);

    public Task<bool> FinishAsync(long run, decimal cost) =>
        Runs.FinishAsync(run, new AgentRunFinish("Succeeded", 0, 7, 1200, 3400, cost, "done <ok>", TimeProvider.System.GetUtcNow()), None);

    public async Task ChecksAsync(int pull)
    {
        var security = await Reviews.RequestAsync(new NewReviewRun(1, Repository, pull, "abc123", ReviewAgentKind.Security), false, None);
        await Reviews.CompleteAsync(security.Run.Id, security.Run.Attempt, null, "success", "No findings", None);
        var tests = await Reviews.RequestAsync(new NewReviewRun(1, Repository, pull, "abc123", ReviewAgentKind.Tests), false, None);
        await Reviews.CompleteAsync(tests.Run.Id, tests.Run.Attempt, null, "failure", "2 tests fail", None);
    }
}
