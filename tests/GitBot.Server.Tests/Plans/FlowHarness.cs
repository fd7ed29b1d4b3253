using System.Globalization;
using GitBot.Core.Plans;
using GitBot.Git.Processes;
using GitBot.Simulator;
using GitBot.Simulator.ModelServer;
using GitBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GitBot.Server.Tests.Plans;

/// <summary>
/// The whole issue flow on real parts: the GitHub simulator with a real bare repository, the scripted model server,
/// and the real <c>gitbot serve</c> composition on PostgreSQL whose agents are the real Claude Code CLI
/// (<c>GITBOT_TEST_CLAUDE</c>, installed by <c>./test.sh</c>) or any command the repository configures.
/// </summary>
public sealed class FlowHarness : IAsyncDisposable
{
    public const string Repo = "octo/widgets";

    private readonly TempDirectory _work;

    private FlowHarness(GitHubSimulator github, ScriptedModelServer model, TestServer server, SimulatedRepository repository, TempDirectory work)
    {
        GitHub = github;
        Model = model;
        Server = server;
        Repository = repository;
        _work = work;
    }

    public GitHubSimulator GitHub { get; }

    public ScriptedModelServer Model { get; }

    public TestServer Server { get; }

    public SimulatedRepository Repository { get; }

    public string WorkDirectory => _work.Path;

    public IPlanStore Plans => Server.App.Services.GetRequiredService<IPlanStore>();

    /// <summary>The Claude Code CLI the tests run; fails loudly when the test script did not install it.</summary>
    public static string ClaudeExecutable =>
        Environment.GetEnvironmentVariable("GITBOT_TEST_CLAUDE") is { Length: > 0 } path && File.Exists(path)
            ? path
            : throw new InvalidOperationException(
                "GITBOT_TEST_CLAUDE is not set to the Claude Code CLI. Run ./test.sh, which installs the pinned version (tools/install-agent-cli.sh).");

    /// <summary>Starts everything; <paramref name="files"/> are committed to the default branch first (e.g. <c>.github/gitbot.yml</c>).</summary>
    public static async Task<FlowHarness> StartAsync(ModelScript script, IReadOnlyDictionary<string, string> files, Dictionary<string, string?>? settings = null)
    {
        var work = new TempDirectory("gitbot-flow");
        var github = await GitHubSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
        var installation = github.AddInstallation("octo");
        var repository = await github.AddRepositoryAsync(installation, Repo, CancellationToken.None);
        github.SetPermission(Repo, "alice", "write");
        github.SetPermission(Repo, "rita", "read");
        if (files.Count > 0)
        {
            await github.CommitFilesAsync(Repo, repository.DefaultBranch, files, "Configure GitBot", "alice", CancellationToken.None);
        }
        var model = await ScriptedModelServer.StartAsync(script, CancellationToken.None);
        var all = ServerSettings(github, work.Path, model.BaseUrl.ToString().TrimEnd('/'), agentSlots: 3);
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var server = await TestServer.StartAsync(TestServer.Postgres, all);
        github.SetWebhookTarget(new Uri(server.Client.BaseAddress!, "/webhooks/github"));
        return new FlowHarness(github, model, server, repository, work);
    }

    /// <summary>
    /// The settings of a real <c>gitbot serve</c> acting as the simulator's App, its agents and work files under
    /// <paramref name="workDirectory"/>, the model at <paramref name="modelUrl"/>.
    /// </summary>
    public static Dictionary<string, string?> ServerSettings(GitHubSimulator github, string workDirectory, string modelUrl, int agentSlots) => new()
    {
        ["GitHub:ApiUrl"] = github.ApiUrl.ToString(),
        ["GitHub:AppId"] = github.App.Id.ToString(CultureInfo.InvariantCulture),
        ["GitHub:PrivateKey"] = github.App.PrivateKeyPem,
        ["GitHub:WebhookSecret"] = github.App.WebhookSecret,
        ["Redelivery:Enabled"] = "false",
        ["Agents:ClaudeExecutable"] = ClaudeExecutable,
        ["Agents:AnthropicBaseUrl"] = modelUrl,
        ["Agents:AnthropicApiKey"] = "sk-ant-test-model-key-0000",
        ["Agents:LogRoot"] = Path.Combine(workDirectory, "logs"),
        ["Agents:HomeRoot"] = Path.Combine(workDirectory, "agent-home"),
        ["Git:WorkRoot"] = Path.Combine(workDirectory, "git"),
        ["Scheduler:AgentSlots"] = agentSlots.ToString(CultureInfo.InvariantCulture),
        ["Scheduler:NodeName"] = "node-a",
    };

    /// <summary>Runs git and returns its stdout; a failure fails the test with git's own words.</summary>
    public static async Task<string> GitAsync(string directory, params string[] arguments)
    {
        var result = await new ProcessRunner(TimeProvider.System).RunAsync(
            new ProcessSpec("git", arguments, directory, new Dictionary<string, string> { ["GIT_TERMINAL_PROMPT"] = "0" }, TimeSpan.FromMinutes(2)),
            CancellationToken.None);
        Assert.True(result.Succeeded, $"git {string.Join(' ', arguments)} failed: {result.StandardError}{result.StartError}");
        return result.StandardOutput;
    }

    /// <summary>Waits until the issue's newest plan satisfies <paramref name="done"/>, or fails with the plan as it stands.</summary>
    public async Task<PlanSnapshot> WaitForPlanAsync(int issue, Func<PlanSnapshot, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromMinutes(3));
        PlanSnapshot? last = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            last = await Plans.FindLatestAsync(Repo, issue, CancellationToken.None);
            if (last is not null && done(last))
            {
                return last;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"The plan for #{issue} did not get there in time. Last seen: {Describe(last)}");
        return last!;
    }

    public static string Describe(PlanSnapshot? snapshot) => snapshot is null
        ? "(no plan)"
        : $"{snapshot.Plan.State} ({snapshot.Plan.Reason}); " + string.Join("; ", snapshot.Tasks.Select(t => $"{t.Id}={t.State} a{t.Attempt} {t.Reason}"));

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Model.DisposeAsync();
        await GitHub.DisposeAsync();
        _work.Dispose();
    }
}
