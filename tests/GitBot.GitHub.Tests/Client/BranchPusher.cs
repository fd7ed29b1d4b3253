using GitBot.Git.Processes;
using GitBot.Testing;

namespace GitBot.GitHub.Tests.Client;

/// <summary>Pushes a branch with one new commit to a simulator's bare repository, as a developer would with git.</summary>
internal static class BranchPusher
{
    public static async Task PushAsync(string bareRepository, string branch, IReadOnlyDictionary<string, string> files)
    {
        using var work = new TempDirectory("gitbot-github-branch");
        var runner = new ProcessRunner(TimeProvider.System);
        await GitAsync(runner, null, "clone", "--quiet", bareRepository, work.Path);
        await GitAsync(runner, work.Path, "checkout", "--quiet", "-b", branch);
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(work.Path, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, content);
        }

        await GitAsync(runner, work.Path, "add", "--all");
        await GitAsync(runner, work.Path, "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "--quiet", "-m", "Add files");
        await GitAsync(runner, work.Path, "push", "--quiet", "origin", branch);
    }

    private static async Task GitAsync(ProcessRunner runner, string? directory, params string[] arguments)
    {
        var result = await runner.RunAsync(new ProcessSpec("git", arguments, directory, Timeout: TimeSpan.FromMinutes(1)), CancellationToken.None);
        Assert.True(result.Succeeded, $"git {string.Join(' ', arguments)} failed: {result.StandardError}{result.StartError}");
    }
}
