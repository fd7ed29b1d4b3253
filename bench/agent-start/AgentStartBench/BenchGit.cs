using GitBot.Git.Processes;

namespace AgentStartBench;

/// <summary>Git for the driver's own set-up (through GitBot's process runner, argv only).</summary>
internal static class BenchGit
{
    public static async Task<string> RunAsync(string directory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var env = new Dictionary<string, string> { ["GIT_TERMINAL_PROMPT"] = "0" };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        var result = await new ProcessRunner(TimeProvider.System).RunAsync(
            new ProcessSpec("git", arguments, directory, env, TimeSpan.FromMinutes(5)), CancellationToken.None);
        return result.Succeeded
            ? result.StandardOutput.Trim()
            : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {result.StandardError}{result.StartError}");
    }

    /// <summary>
    /// Puts the cached 50,000-file history in place of the simulator's fresh bare repository, then commits
    /// <c>.github/gitbot.yml</c> on top with plumbing (no checkout of 50,000 files).
    /// </summary>
    public static async Task SeedAsync(string cache, string bare, string config)
    {
        Directory.Delete(bare, recursive: true);
        CopyDirectory(cache, bare);
        var index = Path.Combine(Path.GetTempPath(), "agent-start-index-" + Guid.NewGuid().ToString("N"));
        var env = new Dictionary<string, string> { ["GIT_INDEX_FILE"] = index };
        var blobFile = index + ".yml";
        await File.WriteAllTextAsync(blobFile, config);
        var blob = await RunAsync(bare, null, "hash-object", "-w", blobFile);
        await RunAsync(bare, env, "read-tree", "main");
        await RunAsync(bare, env, "update-index", "--add", "--cacheinfo", $"100644,{blob},.github/gitbot.yml");
        var tree = await RunAsync(bare, env, "write-tree");
        var commitEnv = new Dictionary<string, string>(env)
        {
            ["GIT_AUTHOR_NAME"] = "Alice",
            ["GIT_AUTHOR_EMAIL"] = "alice@example.com",
            ["GIT_COMMITTER_NAME"] = "Alice",
            ["GIT_COMMITTER_EMAIL"] = "alice@example.com",
        };
        var commit = await RunAsync(bare, commitEnv, "commit-tree", tree, "-p", "main", "-m", "Configure GitBot");
        await RunAsync(bare, null, "update-ref", "refs/heads/main", commit);
        File.Delete(index);
        File.Delete(blobFile);
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(from))
        {
            CopyDirectory(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }
}
