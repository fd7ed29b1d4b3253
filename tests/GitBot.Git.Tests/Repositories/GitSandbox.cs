using GitBot.Git.Processes;
using GitBot.Git.Repositories;
using GitBot.Testing;

namespace GitBot.Git.Tests.Repositories;

/// <summary>
/// A temp directory with a bare "origin" repository (branch main, one commit), a normal clone of it ("seed") through
/// which the tests play other people pushing, and GitBot's git services working under their own work root.
/// </summary>
internal sealed class GitSandbox : IDisposable
{
    private readonly TempDirectory _dir = new("gitbot-git");

    private GitSandbox(GitOptions options)
    {
        Options = options;
        Cli = new GitCli(new ProcessRunner(TimeProvider.System), Microsoft.Extensions.Options.Options.Create(options));
        Mirrors = new MirrorCache(Cli, Microsoft.Extensions.Options.Options.Create(options));
        Worktrees = new WorktreeManager(Cli, Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System);
    }

    public string Root => _dir.Path;

    public string OriginPath => Path.Combine(Root, "origin.git");

    public string SeedPath => Path.Combine(Root, "seed");

    public GitOptions Options { get; }

    public GitCli Cli { get; }

    public MirrorCache Mirrors { get; }

    public WorktreeManager Worktrees { get; }

    public static async Task<GitSandbox> CreateAsync(Action<GitOptions>? configure = null)
    {
        var options = new GitOptions { CommandTimeout = TimeSpan.FromMinutes(2) };
        var sandbox = new GitSandbox(options);
        options.WorkRoot = Path.Combine(sandbox.Root, "work");
        configure?.Invoke(options);
        await sandbox.GitAsync(null, "init", "--quiet", "--bare", "--initial-branch=main", sandbox.OriginPath);
        await sandbox.GitAsync(null, "init", "--quiet", "--initial-branch=main", sandbox.SeedPath);
        await sandbox.GitAsync(sandbox.SeedPath, "remote", "add", "origin", sandbox.OriginPath);
        await sandbox.PushFilesAsync("main", new Dictionary<string, string> { ["README.md"] = "hello\n", ["src/a.txt"] = "a\n" }, "initial");
        return sandbox;
    }

    /// <summary>Runs git (in GitBot's environment) and fails the test unless it succeeds; returns trimmed stdout.</summary>
    public async Task<string> GitAsync(string? workingDirectory, params string[] arguments)
    {
        var result = await Cli.RunAsync(workingDirectory, arguments, null, CancellationToken.None);
        Assert.True(result.Succeeded, $"git {string.Join(' ', arguments)} failed: {result.StandardError}{result.StartError}");
        return result.StandardOutput.Trim();
    }

    /// <summary>Someone else pushes a commit with <paramref name="files"/> onto origin's <paramref name="branch"/>; returns its sha.</summary>
    public async Task<string> PushFilesAsync(string branch, IReadOnlyDictionary<string, string> files, string message, string? from = null)
    {
        await GitAsync(SeedPath, "fetch", "--quiet", "origin");
        var exists = (await Cli.RunAsync(SeedPath, ["rev-parse", "--verify", "--quiet", "refs/remotes/origin/" + branch], null, CancellationToken.None)).Succeeded;
        var hasHead = (await Cli.RunAsync(SeedPath, ["rev-parse", "--verify", "--quiet", "HEAD"], null, CancellationToken.None)).Succeeded;
        if (from is not null || exists || hasHead)
        {
            await GitAsync(SeedPath, "checkout", "--quiet", "-f", "--no-track", "-B", branch, from ?? (exists ? "origin/" + branch : "HEAD"));
        }

        foreach (var (name, content) in files)
        {
            var path = Path.Combine(SeedPath, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, content);
        }

        await GitAsync(SeedPath, "add", "--all");
        await GitAsync(SeedPath, "commit", "--quiet", "-m", message);
        await GitAsync(SeedPath, "push", "--quiet", "origin", "HEAD:refs/heads/" + branch);
        return await GitAsync(SeedPath, "rev-parse", "HEAD");
    }

    /// <summary>The sha of <paramref name="reference"/> in origin, or null.</summary>
    public async Task<string?> OriginRefAsync(string reference)
    {
        var result = await Cli.RunAsync(OriginPath, ["rev-parse", "--verify", "--quiet", reference], null, CancellationToken.None);
        return result.Succeeded ? result.StandardOutput.Trim() : null;
    }

    /// <summary>A mirror of origin, made through <see cref="MirrorCache"/>.</summary>
    public async Task<string> MirrorAsync()
    {
        var result = await Mirrors.EnsureAsync("octo/repo", OriginPath, null, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
        return result.Value!;
    }

    /// <summary>Writes an executable script (hooks, git wrappers).</summary>
    public static async Task WriteExecutableAsync(string path, string content)
    {
        await File.WriteAllTextAsync(path, content);
        Assert.False(OperatingSystem.IsWindows(), "these tests need a POSIX file system");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose() => _dir.Dispose();
}
