using GitBot.Simulator;

namespace AgentStartBench;

/// <summary>The simulator with octo/widgets seeded from the cached 50,000-file bare repository, and where marks go.</summary>
internal sealed class BenchContext : IAsyncDisposable
{
    public const string Repo = "octo/widgets";

    private BenchContext(GitHubSimulator github, string work, string outDirectory, string marks)
    {
        GitHub = github;
        WorkDirectory = work;
        OutDirectory = outDirectory;
        Marks = marks;
    }

    public GitHubSimulator GitHub { get; }

    public string WorkDirectory { get; }

    public string OutDirectory { get; }

    /// <summary>Directory the agents append their start times (Unix ns) to: <c>started</c> and <c>sleep-start</c>.</summary>
    public string Marks { get; }

    public static async Task<BenchContext> StartAsync(string cache, string work, string outDirectory)
    {
        var marks = Path.Combine(work, "marks");
        Directory.CreateDirectory(marks);
        var github = await GitHubSimulator.StartAsync(new SimulatorOptions { DataDirectory = Path.Combine(work, "simulator") }, CancellationToken.None);
        var installation = github.AddInstallation("octo");
        var repository = await github.AddRepositoryAsync(installation, Repo, CancellationToken.None);
        github.SetPermission(Repo, "alice", "write");
        BenchGit.ReplaceRepository(cache, repository.BareRepositoryPath);
        await github.CommitFilesAsync(Repo, repository.DefaultBranch, new Dictionary<string, string> { [".github/gitbot.yml"] = Config(marks) },
            "Configure GitBot", "alice", CancellationToken.None);
        return new BenchContext(github, work, outDirectory, marks);
    }

    /// <summary>
    /// Two command roles: <c>starter</c> appends its start time and exits; <c>sleeper</c> appends its start time and
    /// sleeps one second (a no-op task made long enough for parallelism to show).
    /// </summary>
    private static string Config(string marks) => $$"""
        default_role: starter
        limits:
          max_parallel_tasks: 8
          task_timeout: 2m
          max_retries: 0
        roles:
          starter:
            description: Records when it started
            backend: command
            command: ["sh", "-c", "date +%s%N >> {{marks}}/started; exit 0", "{prompt}"]
          sleeper:
            description: Records when it started, then sleeps one second
            backend: command
            command: ["sh", "-c", "date +%s%N >> {{marks}}/sleep-start; sleep 1", "{prompt}"]
        """;

    /// <summary>Lines in a marks file (each one agent start, Unix ns).</summary>
    public long[] Read(string name)
    {
        var path = Path.Combine(Marks, name);
        return File.Exists(path)
            ? File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => long.Parse(l, System.Globalization.CultureInfo.InvariantCulture)).ToArray()
            : [];
    }

    public ValueTask DisposeAsync() => GitHub.DisposeAsync();
}
