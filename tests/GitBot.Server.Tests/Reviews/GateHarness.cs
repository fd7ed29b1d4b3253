using GitBot.GitHub.Clients;
using GitBot.GitHub.Models;
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
        // The review agents are off: these tests play GitBot's agent checks themselves, as GitBot's App.
        await github.CommitFilesAsync(Repo, repository.DefaultBranch, new Dictionary<string, string>
        {
            ["README.md"] = "widgets\n",
            [".github/gitbot.yml"] = "reviews:\n  agents: []\ngate:\n  required_checks: [gitbot/security, gitbot/tests, gitbot/judge]\n",
        }, "Start", "alice", CancellationToken.None);
        // No model is reached: no agent runs.
        var server = await TestServer.StartAsync(TestServer.Postgres, FlowHarness.ServerSettings(github, work.Path, "http://127.0.0.1:9", agentSlots: 1));
        github.SetWebhookTarget(new Uri(server.Client.BaseAddress!, "/webhooks/github"));
        return new GateHarness(github, server, repository, installation, work);
    }

    /// <summary>Commits <paramref name="files"/> on <paramref name="branch"/> (created from main when new) straight into the bare repository; returns the new head.</summary>
    public Task<string> PushAsync(string branch, IReadOnlyDictionary<string, string> files, string message) =>
        GitHub.CommitFilesAsync(Repo, branch, files, message, "alice", CancellationToken.None);

    /// <summary>Completes GitBot's agent checks on <paramref name="headSha"/> as GitBot's App, all at once (concurrent events).</summary>
    public async Task CompleteAgentChecksAsync(string headSha, params string[] names)
    {
        var created = await Task.WhenAll(names.Select(name => App.Checks.CreateAsync(Owner, Name,
            new CreateCheckRunRequest(name, headSha, CheckRunStatus.Completed, CheckRunConclusion.Success,
                Output: new CheckRunOutput("Fine", "Nothing found")), CancellationToken.None)));
        Assert.All(created, r => Assert.True(r.IsSuccess, r.ToString()));
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
