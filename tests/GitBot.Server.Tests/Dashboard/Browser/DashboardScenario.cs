using GitBot.Core.Plans;
using GitBot.Core.Runs;
using GitBot.Server.Tests.Plans;
using GitBot.Simulator;
using GitBot.Simulator.ModelServer;
using GitBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GitBot.Server.Tests.Dashboard.Browser;

/// <summary>
/// <c>gitbot serve</c> on PostgreSQL with the simulator and a plan <em>in progress</em>: three tasks whose roles run
/// <c>sh -c</c> scripts (the <c>command</c> backend). Task 1 succeeds at once; task 2 (after 1) prints log lines and
/// waits for gate files the test creates; task 3 (after 1 and 2) waits for task 2. When <see cref="StartAsync"/>
/// returns, 1 is Succeeded, 2 Running, 3 Pending.
/// </summary>
public sealed class DashboardScenario : IAsyncDisposable
{
    /// <summary>A user who can sign in with access to <see cref="FlowHarness.Repo"/> (write permission).</summary>
    public const string Member = "alice";

    /// <summary>A user who can sign in but has no access to <see cref="FlowHarness.Repo"/>.</summary>
    public const string Stranger = "mallory";

    public const string AdminToken = "dashboard-admin-token-0123456789";

    /// <summary>What task 2 prints after the <c>talk</c> gate opens (the log tail must show it without a reload).</summary>
    public const string LateLine = "feature: the talk gate opened, this line came later";

    /// <summary>A secret-looking value task 2 prints (built by the shell, so it is nowhere in the config).</summary>
    public const string Secret = "ghs_" + "Zq8Lr2Vx7Np4Kd1Tb6Hm3Wc9Fy5Js0Ga8Ue2";

    private readonly TempDirectory _gates;
    private readonly TempDirectory _work;

    private DashboardScenario(GitHubSimulator github, ScriptedModelServer model, TestServer server, TempDirectory gates, TempDirectory work)
    {
        GitHub = github;
        Model = model;
        Server = server;
        _gates = gates;
        _work = work;
    }

    public GitHubSimulator GitHub { get; }

    public ScriptedModelServer Model { get; }

    public TestServer Server { get; }

    public int Issue { get; private set; }

    public long PlanId { get; private set; }

    public Uri BaseUrl => Server.Client.BaseAddress!;

    public string IssuePath => $"/repos/{FlowHarness.Repo}/issues/{Issue}";

    /// <summary>
    /// Starts the simulator, the model stand-in and <c>gitbot serve</c> (FlowHarness's settings plus the OAuth client and
    /// the admin token), opens the issue and waits until the plan is in progress.
    /// </summary>
    public static async Task<DashboardScenario> StartAsync()
    {
        var gates = new TempDirectory("gitbot-gates");
        var work = new TempDirectory("gitbot-dashboard");
        var github = await GitHubSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
        var installation = github.AddInstallation("octo");
        var repository = await github.AddRepositoryAsync(installation, FlowHarness.Repo, CancellationToken.None);
        github.SetPermission(FlowHarness.Repo, Member, "write");
        github.AddUser(Member, FlowHarness.Repo);
        github.AddUser(Stranger);
        await github.CommitFilesAsync(FlowHarness.Repo, repository.DefaultBranch, Config(gates.Path), "Configure GitBot", Member, CancellationToken.None);
        var model = await ScriptedModelServer.StartAsync(FailureFlow.NoModel(), CancellationToken.None);
        var settings = FlowHarness.ServerSettings(github, work.Path, model.BaseUrl.ToString().TrimEnd('/'), agentSlots: 3);
        foreach (var (key, value) in Settings(github))
        {
            settings[key] = value;
        }

        var server = await TestServer.StartAsync(TestServer.Postgres, settings);
        github.SetWebhookTarget(new Uri(server.Client.BaseAddress!, "/webhooks/github"));
        var scenario = new DashboardScenario(github, model, server, gates, work);
        try
        {
            scenario.Issue = await github.OpenIssueAsync(FlowHarness.Repo, "Widgets dashboard",
                "- [ ] Lay the groundwork (first)\n- [ ] Build the feature (second) (after 1)\n- [ ] Write the docs (third) (after 1, 2)",
                Member, ["agent"], CancellationToken.None);
            var plan = await scenario.WaitForPlanAsync(p => p.Plan.IsFinished || (State(p, "1") == TaskState.Succeeded && State(p, "2") == TaskState.Running));
            Assert.True(State(plan, "2") == TaskState.Running && State(plan, "3") is TaskState.Pending or TaskState.Ready, FlowHarness.Describe(plan));
            scenario.PlanId = plan.Plan.Id;
            return scenario;
        }
        catch
        {
            await scenario.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until the issue's newest plan satisfies <paramref name="done"/>, or fails with the plan as it stands.</summary>
    public async Task<PlanSnapshot> WaitForPlanAsync(Func<PlanSnapshot, bool> done)
    {
        var plans = Server.App.Services.GetRequiredService<IPlanStore>();
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(90);
        PlanSnapshot? last = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            last = await plans.FindLatestAsync(FlowHarness.Repo, Issue, CancellationToken.None);
            if (last is not null && done(last))
            {
                return last;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The plan for #{Issue} did not get there in time. Last seen: {FlowHarness.Describe(last)}");
        return last!;
    }

    /// <summary>
    /// Opens a gate: <c>talk</c> makes task 2 print <see cref="LateLine"/>; then <c>2</c> lets task 2 finish (it waits
    /// for <c>talk</c> first); <c>3</c> lets task 3 finish.
    /// </summary>
    public void Open(string gate) => File.WriteAllText(Path.Combine(_gates.Path, gate), "open\n");

    /// <summary>The id of task <paramref name="taskId"/>'s running agent run (from the run store the dashboard reads).</summary>
    public async Task<long> RunningRunOfAsync(string taskId)
    {
        var runs = Server.App.Services.GetRequiredService<IAgentRunStore>();
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var run = (await runs.ListForPlanAsync(PlanId, CancellationToken.None))
                .FirstOrDefault(r => r.Subject.TaskId == taskId && r.IsRunning);
            if (run is not null)
            {
                return run.Id;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"No running agent run recorded for task {taskId} of plan {PlanId}.");
            await Task.Delay(100);
        }
    }

    public Uri Url(string path) => new(BaseUrl, path);

    private static TaskState? State(PlanSnapshot plan, string id) => plan.Tasks.SingleOrDefault(t => t.Id == id)?.State;

    private static Dictionary<string, string?> Settings(GitHubSimulator github) => new()
    {
        ["GitHub:WebUrl"] = github.WebUrl.ToString().TrimEnd('/'),
        ["GitHub:ClientId"] = github.OAuthClientId,
        ["GitHub:ClientSecret"] = github.OAuthClientSecret,
        ["Dashboard:AdminToken"] = AdminToken,
        // Running agents get this long when the test ends, not the 20 s a production node gives them.
        ["Scheduler:ShutdownGrace"] = "00:00:01",
    };

    private static Dictionary<string, string> Config(string gates)
    {
        var wait = (string gate) => $"while [ ! -e '{gates}/{gate}' ]; do sleep 0.1; done; ";
        var first = "echo 'groundwork: laid'";
        var second = "echo 'feature: started'; s=ghs_; echo \"feature: token=${s}Zq8Lr2Vx7Np4Kd1Tb6Hm3Wc9Fy5Js0Ga8Ue2 in use\"; "
            + wait("talk") + $"echo '{LateLine}'; " + wait("2") + "echo 'feature: done'";
        var third = wait("3") + "echo 'docs: written'";
        var yaml = "default_role: first\nroles:\n" + Role("first", first) + Role("second", second) + Role("third", third);
        return new Dictionary<string, string> { [".github/gitbot.yml"] = yaml };
    }

    private static string Role(string name, string script) =>
        $"  {name}:\n    description: Runs the {name} script\n    backend: command\n    prompt_on_stdin: true\n"
        + "    command: [\"sh\", \"-c\", " + FailureFlow.Quote(script) + "]\n";

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Model.DisposeAsync();
        await GitHub.DisposeAsync();
        _work.Dispose();
        _gates.Dispose();
    }
}
