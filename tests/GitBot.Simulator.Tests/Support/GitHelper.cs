using GitBot.Git.Processes;
using GitBot.Testing;

namespace GitBot.Simulator.Tests.Support;

/// <summary>Real git, through GitBot's process runner, with an explicit identity (no global config needed).</summary>
public static class GitHelper
{
    private static readonly ProcessRunner Runner = new(TimeProvider.System);

    public static async Task<string> GitAsync(string directory, params string[] args)
    {
        var result = await Runner.RunAsync(new ProcessSpec("git",
            ["-c", "user.name=Test", "-c", "user.email=test@example.invalid", .. args], directory,
            new Dictionary<string, string> { ["GIT_TERMINAL_PROMPT"] = "0", ["GIT_CONFIG_NOSYSTEM"] = "1" },
            TimeSpan.FromSeconds(60)), CancellationToken.None);
        Assert.True(result.Succeeded, $"git {string.Join(' ', args)}: {result.StandardError}{result.StartError}");
        return result.StandardOutput.Trim();
    }

    /// <summary>
    /// Plays an outside pusher: clones the bare repository from disk, commits one file on a new branch and pushes it there
    /// (no webhook; see <see cref="GitBot.Simulator.GitHubSimulator.NotifyPushAsync"/>); returns the new commit.
    /// </summary>
    public static async Task<string> PushBranchAsync(SimulatedRepository repository, string branch, string path, string content,
        string from = "main")
    {
        using var work = new TempDirectory("sim-git");
        await GitAsync(work.Path, "clone", "--quiet", repository.BareRepositoryPath, "w");
        var tree = Path.Combine(work.Path, "w");
        await GitAsync(tree, "checkout", "--quiet", "-B", branch, "origin/" + from);
        var file = Path.Combine(tree, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, content);
        await GitAsync(tree, "add", "-A");
        await GitAsync(tree, "commit", "--quiet", "-m", $"Change {path}");
        await GitAsync(tree, "push", "--quiet", "--force", "origin", branch);
        return await GitAsync(tree, "rev-parse", "HEAD");
    }
}
