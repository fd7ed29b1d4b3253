using GitBot.Git.Processes;

namespace GitBot.Cli.Demo;

/// <summary>Git for the demo's own set-up (the sample repository's first commit), through the process runner.</summary>
internal sealed class DemoGit(ProcessRunner runner)
{
    private static readonly Dictionary<string, string> Environment = new() { ["GIT_TERMINAL_PROMPT"] = "0" };

    /// <summary>Commits <paramref name="files"/> to <paramref name="branch"/> of a bare repository through a scratch clone. Returns git's error, or null.</summary>
    public async Task<string?> CommitAsync(string bareRepository, string scratchRoot, IReadOnlyDictionary<string, string> files, string message, string branch, CancellationToken cancellationToken)
    {
        var clone = Path.Combine(scratchRoot, "seed");
        var error = await RunAsync(scratchRoot, cancellationToken, "clone", "--quiet", "--branch", branch, bareRepository, clone);
        if (error is not null)
        {
            return error;
        }

        foreach (var (path, text) in files)
        {
            var full = Path.Combine(clone, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, text, cancellationToken);
        }

        error = await RunAsync(clone, cancellationToken, "add", "-A")
            ?? await RunAsync(clone, cancellationToken, "-c", "user.name=Alice", "-c", "user.email=alice@example.com", "commit", "--quiet", "-m", message)
            ?? await RunAsync(clone, cancellationToken, "push", "--quiet", "origin", branch);
        Directory.Delete(clone, recursive: true);
        return error;
    }

    private async Task<string?> RunAsync(string directory, CancellationToken cancellationToken, params string[] arguments)
    {
        var result = await runner.RunAsync(new ProcessSpec("git", arguments, directory, Environment, TimeSpan.FromMinutes(1)), cancellationToken);
        return result.Succeeded ? null : $"git {string.Join(' ', arguments)} failed: {result.StandardError}{result.StartError}";
    }
}
