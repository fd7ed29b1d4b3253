using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using GitBot.GitHub.Clients;
using GitBot.GitHub.Models;
using GitBot.GitHub.Webhooks;
using GitBot.Server.Tests.Plans;
using GitBot.Simulator;
using GitBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GitBot.Server.Tests.Reviews;

/// <summary>
/// The real <c>gitbot serve</c> on PostgreSQL as GitBot's App against the GitHub simulator with one repository, for
/// the <c>gitbot/gate</c> check. GitBot's agent checks are created the way GitBot creates them: through the App's
/// installation token with GitBot's own GitHub client.
/// </summary>
public sealed class GateHarness : IAsyncDisposable
{
    public const string Repo = "octo/widgets";
    public const string Owner = "octo";
    public const string Name = "widgets";

    private readonly TempDirectory _work;

    private GateHarness(GitHubSimulator github, TestServer server, SimulatedRepository repository, SimulatedInstallation installation, TempDirectory work)
    {
        GitHub = github;
        Server = server;
        Repository = repository;
        Installation = installation;
        _work = work;
    }

    public GitHubSimulator GitHub { get; }

    public TestServer Server { get; }

    public SimulatedRepository Repository { get; }

    public SimulatedInstallation Installation { get; }

    /// <summary>GitBot's own client for the installation (the App's installation token).</summary>
    public GitHubClient App => Server.App.Services.GetRequiredService<GitHubClientFactory>().ForInstallation(Installation.Id);

    /// <summary>alice, bob, dave, erin write; rita read.</summary>
    public static async Task<GateHarness> StartAsync()
    {
        var work = new TempDirectory("gitbot-gate");
        var github = await GitHubSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
        var installation = github.AddInstallation(Owner);
        var repository = await github.AddRepositoryAsync(installation, Repo, CancellationToken.None);
        foreach (var writer in new[] { "alice", "bob", "carol", "dave", "erin" })
        {
            github.SetPermission(Repo, writer, "write");
        }

        github.SetPermission(Repo, "rita", "read");
        await FlowHarness.CommitAsync(repository.BareRepositoryPath, work.Path, new Dictionary<string, string> { ["README.md"] = "widgets\n" }, "Start");
        var server = await TestServer.StartAsync(TestServer.Postgres, new Dictionary<string, string?>
        {
            ["GitHub:ApiUrl"] = github.ApiUrl.ToString(),
            ["GitHub:AppId"] = github.App.Id.ToString(CultureInfo.InvariantCulture),
            ["GitHub:PrivateKey"] = github.App.PrivateKeyPem,
            ["GitHub:WebhookSecret"] = github.App.WebhookSecret,
            ["Redelivery:Enabled"] = "false",
            ["Agents:ClaudeExecutable"] = FlowHarness.ClaudeExecutable,
            ["Agents:AnthropicBaseUrl"] = "http://127.0.0.1:9",
            ["Agents:AnthropicApiKey"] = "sk-ant-test-model-key-0000",
            ["Agents:LogRoot"] = Path.Combine(work.Path, "logs"),
            ["Agents:HomeRoot"] = Path.Combine(work.Path, "agent-home"),
            ["Git:WorkRoot"] = Path.Combine(work.Path, "git"),
            ["Scheduler:AgentSlots"] = "1",
            ["Scheduler:NodeName"] = "node-a",
        });
        github.SetWebhookTarget(new Uri(server.Client.BaseAddress!, "/webhooks/github"));
        return new GateHarness(github, server, repository, installation, work);
    }

    /// <summary>Commits <paramref name="files"/> on <paramref name="branch"/> (created from main when new) straight into the bare repository; returns the new head.</summary>
    public async Task<string> PushAsync(string branch, IReadOnlyDictionary<string, string> files, string message)
    {
        var clone = Path.Combine(_work.Path, "clone-" + Guid.NewGuid().ToString("N")[..8]);
        await FlowHarness.GitAsync(_work.Path, "clone", "--quiet", Repository.BareRepositoryPath, clone);
        var exists = (await FlowHarness.GitAsync(clone, "branch", "-r", "--list", "origin/" + branch)).Trim().Length > 0;
        await FlowHarness.GitAsync(clone, exists ? ["checkout", "--quiet", branch] : ["checkout", "--quiet", "-b", branch]);
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(clone, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, text);
        }

        await FlowHarness.GitAsync(clone, "add", "-A");
        await FlowHarness.GitAsync(clone, "-c", "user.name=GitBot", "-c", "user.email=gitbot@example.com", "commit", "--quiet", "-m", message);
        await FlowHarness.GitAsync(clone, "push", "--quiet", "origin", branch);
        var head = (await FlowHarness.GitAsync(clone, "rev-parse", "HEAD")).Trim();
        Directory.Delete(clone, recursive: true);
        return head;
    }

    /// <summary>Completes GitBot's agent checks on <paramref name="headSha"/> as GitBot's App, all at once (concurrent events).</summary>
    public async Task CompleteAgentChecksAsync(string headSha, params string[] names)
    {
        var created = await Task.WhenAll(names.Select(name => App.Checks.CreateAsync(Owner, Name,
            new CreateCheckRunRequest(name, headSha, CheckRunStatus.Completed, CheckRunConclusion.Success,
                Output: new CheckRunOutput("Fine", "Nothing found")), CancellationToken.None)));
        Assert.All(created, r => Assert.True(r.IsSuccess, r.ToString()));
    }

    /// <summary>
    /// Delivers <c>check_run completed</c> for GitBot's run <paramref name="name"/> on <paramref name="headSha"/> to the
    /// server, signed as GitHub signs it. The simulator's own check_run deliveries cannot be used: its check run shape
    /// has no <c>check_suite.head_sha</c>, which GitBot's payload model requires, so they are refused as malformed.
    /// </summary>
    public async Task DeliverCheckRunCompletedAsync(string headSha, string name)
    {
        var run = GitHub.GetCheckRuns(Repo).Last(r => r.Name == name && r.HeadSha == headSha);
        var payload = new JsonObject
        {
            ["action"] = "completed",
            ["check_run"] = new JsonObject
            {
                ["id"] = run.Id,
                ["name"] = run.Name,
                ["head_sha"] = run.HeadSha,
                ["status"] = run.Status,
                ["conclusion"] = run.Conclusion,
                ["app"] = new JsonObject { ["id"] = GitHub.App.Id, ["slug"] = GitHub.App.Slug, ["name"] = GitHub.App.Name },
                ["check_suite"] = new JsonObject { ["id"] = run.Id + 500_000, ["head_sha"] = run.HeadSha },
                ["pull_requests"] = new JsonArray(),
            },
            ["repository"] = new JsonObject
            {
                ["id"] = Repository.Id,
                ["name"] = Name,
                ["full_name"] = Repo,
                ["default_branch"] = "main",
                ["private"] = false,
                ["fork"] = false,
                ["clone_url"] = Repository.CloneUrl,
                ["owner"] = new JsonObject { ["login"] = Owner, ["id"] = 1, ["type"] = "Organization" },
            },
            ["installation"] = new JsonObject { ["id"] = Installation.Id },
            ["sender"] = new JsonObject { ["login"] = GitHub.App.BotLogin, ["id"] = 99, ["type"] = "Bot" },
        };
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        var response = await Server.PostAsync(Guid.NewGuid().ToString(), body, WebhookSignatureVerifier.Sign(GitHub.App.WebhookSecret, body), "check_run");
        Assert.True(response.IsSuccessStatusCode, $"check_run delivery answered {(int)response.StatusCode}");
    }

    /// <summary>The gate runs on <paramref name="headSha"/>; fails when there is more than one.</summary>
    public SimulatedCheckRun? Gate(string headSha)
    {
        var runs = GitHub.GetCheckRuns(Repo).Where(r => r.Name == "gitbot/gate" && r.HeadSha == headSha).ToList();
        Assert.True(runs.Count <= 1, $"{runs.Count} gitbot/gate runs on {headSha}");
        return runs.SingleOrDefault();
    }

    /// <summary>Waits until the gate on <paramref name="headSha"/> satisfies <paramref name="done"/>, or fails showing it.</summary>
    public async Task<SimulatedCheckRun> WaitForGateAsync(string headSha, Func<SimulatedCheckRun, bool> done, string what)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(1);
        SimulatedCheckRun? last = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            last = Gate(headSha);
            if (last is not null && done(last))
            {
                return last;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The gate on {headSha[..7]} never got to: {what}. Last seen: {(last is null ? "(none)" : $"{last.Status}/{last.Conclusion} {last.OutputTitle}\n{last.OutputSummary}")}");
        return last!;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await GitHub.DisposeAsync();
        _work.Dispose();
    }
}
