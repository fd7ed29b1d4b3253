using System.Text.Json.Nodes;
using GitBot.Git.Processes;
using GitBot.Simulator;
using GitBot.Testing;

namespace GitBot.Cli.Tests.Action;

/// <summary>
/// An Actions job against the GitHub simulator: the repository <c>octo/widgets</c> (a writer alice, a reader rita), a
/// checkout of it (a real clone) as <c>GITHUB_WORKSPACE</c>, and the event file a runner would write — the payload
/// the simulator produced for the event, with its <c>installation</c> removed as in Actions payloads. <see cref="RunAsync"/>
/// runs the built <c>gitbot run-event</c> as a child process with the runner's environment and the simulator's
/// repository token as <c>GITHUB_TOKEN</c>.
/// </summary>
internal sealed class ActionJob : IAsyncDisposable
{
    public const string Repository = "octo/widgets";
    public const string Writer = "alice";
    public const string Reader = "rita";

    private readonly TempDirectory _dir;

    private ActionJob(TempDirectory dir, GitHubSimulator github, SimulatedRepository repo)
    {
        _dir = dir;
        GitHub = github;
        Repo = repo;
    }

    public GitHubSimulator GitHub { get; }

    public SimulatedRepository Repo { get; }

    public string Workspace => Path.Combine(_dir.Path, "workspace");

    public string OutputFile => Path.Combine(_dir.Path, "runner", "output");

    public string SummaryFile => Path.Combine(_dir.Path, "runner", "summary");

    public string StateDirectory => Path.Combine(_dir.Path, "runner", "temp", "gitbot");

    public static async Task<ActionJob> StartAsync(IReadOnlyDictionary<string, string> files)
    {
        var dir = new TempDirectory("gitbot-action-test");
        var github = await GitHubSimulator.StartAsync(new SimulatorOptions { DataDirectory = Path.Combine(dir.Path, "github") }, CancellationToken.None);
        var repo = await github.AddRepositoryAsync(github.AddInstallation("octo"), Repository, CancellationToken.None);
        github.SetPermission(Repository, Writer, "write");
        github.SetPermission(Repository, Reader, "read");
        await github.CommitFilesAsync(Repository, repo.DefaultBranch, files, "Start widgets", Writer, CancellationToken.None);
        // Nobody listens here: the simulator logs each event's payload as a failed delivery, which is all a runner gets.
        github.SetWebhookTarget(new Uri("http://127.0.0.1:1/webhooks"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "runner", "temp"));
        var job = new ActionJob(dir, github, repo);
        var clone = await Git(dir.Path, "clone", "--quiet", repo.BareRepositoryPath, job.Workspace);
        Assert.True(clone.Succeeded, clone.StandardError);
        return job;
    }

    /// <summary>Writes the payload of the latest <paramref name="eventName"/> event as the runner's event file and returns its path.</summary>
    public async Task<string> EventFileAsync(string eventName, Action<JsonObject>? adapt = null)
    {
        await GitHub.WaitForDeliveriesAsync(CancellationToken.None);
        var delivery = GitHub.DeliveryLog.Last(d => d.Event == eventName);
        var payload = (JsonObject)JsonNode.Parse(delivery.RequestBody)!;
        payload.Remove("installation");
        adapt?.Invoke(payload);
        var path = Path.Combine(_dir.Path, "runner", $"event-{delivery.Id}.json");
        await File.WriteAllTextAsync(path, payload.ToJsonString());
        return path;
    }

    /// <summary>The environment a runner gives a step of this job.</summary>
    public Dictionary<string, string> Environment(string eventName, string eventPath) => new(StringComparer.Ordinal)
    {
        ["GITHUB_EVENT_NAME"] = eventName,
        ["GITHUB_EVENT_PATH"] = eventPath,
        ["GITHUB_REPOSITORY"] = Repository,
        ["GITHUB_API_URL"] = GitHub.ApiUrl.ToString().TrimEnd('/'),
        ["GITHUB_SERVER_URL"] = GitHub.ApiUrl.ToString().TrimEnd('/'),
        ["GITHUB_TOKEN"] = GitHub.IssueRepositoryToken(Repository),
        ["GITHUB_WORKSPACE"] = Workspace,
        ["GITHUB_RUN_ID"] = "4242",
        ["GITHUB_RUN_ATTEMPT"] = "1",
        ["GITHUB_OUTPUT"] = OutputFile,
        ["GITHUB_STEP_SUMMARY"] = SummaryFile,
        ["RUNNER_TEMP"] = Path.Combine(_dir.Path, "runner", "temp"),
        ["GITBOT_ACTION_TIMEOUT_MINUTES"] = "3",
    };

    public Task<ProcessResult> RunAsync(IReadOnlyDictionary<string, string> environment) =>
        new ProcessRunner(TimeProvider.System).RunAsync(
            new ProcessSpec("dotnet", [Path.Combine(AppContext.BaseDirectory, "gitbot.dll"), "run-event"], Workspace, environment, TimeSpan.FromMinutes(4)),
            CancellationToken.None);

    /// <summary>The outputs written to <c>$GITHUB_OUTPUT</c> (name → value).</summary>
    public IReadOnlyDictionary<string, string> Outputs() => File.ReadAllLines(OutputFile)
        .Select(line => line.Split('=', 2))
        .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);

    public static Task<ProcessResult> Git(string workingDirectory, params string[] args) =>
        new ProcessRunner(TimeProvider.System).RunAsync(new ProcessSpec("git", args, workingDirectory, null, TimeSpan.FromMinutes(1)), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await GitHub.DisposeAsync();
        _dir.Dispose();
    }
}
