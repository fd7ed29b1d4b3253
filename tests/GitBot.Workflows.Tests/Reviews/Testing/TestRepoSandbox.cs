using GitBot.Git.Processes;
using GitBot.Git.Repositories;
using GitBot.Testing;
using GitBot.Workflows.Reviews.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace GitBot.Workflows.Tests.Reviews.Testing;

/// <summary>
/// A bare "origin" repository (branch main), a clone ("seed") through which tests push pull request heads, and a
/// <see cref="TestCommandRunner"/> wired to real git and real processes, working under the temp directory.
/// </summary>
internal sealed class TestRepoSandbox : IDisposable
{
    public const string Repository = "octo/tested";

    private readonly TempDirectory _dir = new("gitbot-testruns");

    private TestRepoSandbox()
    {
        Git = new GitOptions { WorkRoot = Path.Combine(Root, "work"), CommandTimeout = TimeSpan.FromMinutes(2) };
        RunOptions = new TestRunOptions { SandboxRoot = Path.Combine(Root, "runs") };
        Cli = new GitCli(new ProcessRunner(TimeProvider.System), MsOptions.Create(Git));
        Worktrees = new WorktreeManager(Cli, MsOptions.Create(Git), TimeProvider.System);
        Runner = new TestCommandRunner(
            new MirrorCache(Cli, MsOptions.Create(Git)),
            new PullHeadFetcher(Cli),
            Worktrees,
            Cli,
            new ProcessRunner(TimeProvider.System),
            MsOptions.Create(RunOptions),
            TimeProvider.System,
            NullLogger<TestCommandRunner>.Instance);
    }

    public string Root => _dir.Path;

    public string OriginPath => Path.Combine(Root, "origin.git");

    public string SeedPath => Path.Combine(Root, "seed");

    public GitOptions Git { get; }

    public TestRunOptions RunOptions { get; }

    public GitCli Cli { get; }

    public WorktreeManager Worktrees { get; }

    public TestCommandRunner Runner { get; }

    /// <summary>The cache the runner uses for <see cref="Repository"/>.</summary>
    public string CachePath => Path.Combine(Git.WorkRoot, "mirrors", "octo", "tested.git");

    public static async Task<TestRepoSandbox> CreateAsync()
    {
        var sandbox = new TestRepoSandbox();
        await sandbox.GitAsync(null, "init", "--quiet", "--bare", "--initial-branch=main", sandbox.OriginPath);
        await sandbox.GitAsync(null, "init", "--quiet", "--initial-branch=main", sandbox.SeedPath);
        await sandbox.GitAsync(sandbox.SeedPath, "remote", "add", "origin", sandbox.OriginPath);
        await sandbox.CommitAsync(new Dictionary<string, string> { ["README.md"] = "tested\n" }, "initial");
        await sandbox.GitAsync(sandbox.SeedPath, "push", "--quiet", "origin", "HEAD:refs/heads/main");
        return sandbox;
    }

    /// <summary>Pushes a pull request head with <paramref name="files"/> (names ending in <c>.sh</c> executable) to branch <paramref name="branch"/>.</summary>
    public async Task<string> PushHeadAsync(IReadOnlyDictionary<string, string> files, string branch = "feature")
    {
        var sha = await CommitAsync(files, "pull request head");
        await GitAsync(SeedPath, "push", "--quiet", "--force", "origin", "HEAD:refs/heads/" + branch);
        return sha;
    }

    /// <summary>Pushes a head that exists in origin only as <c>refs/pull/{n}/head</c>, as a fork's head does on GitHub.</summary>
    public async Task<string> PushForkHeadAsync(int pullNumber, IReadOnlyDictionary<string, string> files)
    {
        var sha = await CommitAsync(files, "fork head");
        await GitAsync(SeedPath, "push", "--quiet", "--force", "origin", $"HEAD:refs/pull/{pullNumber}/head");
        return sha;
    }

    public TestCommandRequest Request(string headSha, IReadOnlyList<string> command, TimeSpan? timeout = null, int pullNumber = 5,
        IReadOnlyCollection<string>? passEnvironment = null) =>
        new("test-run-1", Repository, OriginPath, null, pullNumber, headSha, command, timeout ?? TimeSpan.FromMinutes(2), passEnvironment);

    /// <summary>Runs git (in GitBot's environment) and fails the test unless it succeeds; returns trimmed stdout.</summary>
    public async Task<string> GitAsync(string? workingDirectory, params string[] arguments)
    {
        var result = await Cli.RunAsync(workingDirectory, arguments, null, CancellationToken.None);
        Assert.True(result.Succeeded, $"git {string.Join(' ', arguments)} failed: {result.StandardError}{result.StartError}");
        return result.StandardOutput.Trim();
    }

    /// <summary>Directories left under the runs root (each run's HOME and TMPDIR live there while it runs).</summary>
    public string[] LeftoverRunDirectories() =>
        Directory.Exists(RunOptions.SandboxRoot) ? Directory.GetDirectories(RunOptions.SandboxRoot!) : [];

    public void Dispose() => _dir.Dispose();

    private async Task<string> CommitAsync(IReadOnlyDictionary<string, string> files, string message)
    {
        foreach (var (name, content) in files)
        {
            var path = Path.Combine(SeedPath, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, content);
            if (name.EndsWith(".sh", StringComparison.Ordinal) && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        await GitAsync(SeedPath, "add", "--all");
        await GitAsync(SeedPath, "commit", "--quiet", "--allow-empty", "-m", message);
        return await GitAsync(SeedPath, "rev-parse", "HEAD");
    }
}
