using GitBot.Git.Processes;

namespace GitBot.Simulator.Git;

/// <summary>Committing files straight into a bare repository, as a user's push would leave it.</summary>
internal sealed partial class BareRepositoryRunner
{
    /// <summary>
    /// Commits <paramref name="files"/> (path → text) on <paramref name="branch"/>, creating the branch from
    /// <paramref name="startPoint"/> when it does not exist; returns the new commit. Uses a private index and git
    /// plumbing, so no working tree is written and concurrent commits to other branches do not interfere.
    /// </summary>
    public async Task<string> CommitFilesAsync(string barePath, string branch, string startPoint, IReadOnlyDictionary<string, string> files,
        string message, string author, CancellationToken cancellationToken)
    {
        var existing = await ResolveAsync(barePath, "refs/heads/" + branch, cancellationToken);
        var parent = existing ?? await ResolveAsync(barePath, startPoint, cancellationToken)
            ?? throw new InvalidOperationException($"'{startPoint}' names no commit in {barePath}");
        var commit = await CommitTreeAsync(barePath, parent, files, message, author, cancellationToken);
        // Compare-and-set on the old value: a concurrent push to the same branch makes this fail rather than be lost.
        await GitAsync(barePath, ["update-ref", "refs/heads/" + branch, commit, existing ?? new string('0', 40)], null, cancellationToken);
        return commit;
    }

    /// <summary>
    /// Writes a commit of <paramref name="files"/> (path → text) on top of <paramref name="parent"/> into the object store
    /// and returns it, moving no ref: the caller points a ref at it (a fork's head lives only at <c>refs/pull/{n}/head</c>).
    /// </summary>
    public async Task<string> CommitTreeAsync(string barePath, string parent, IReadOnlyDictionary<string, string> files,
        string message, string author, CancellationToken cancellationToken)
    {
        var index = Path.Combine(Path.GetTempPath(), "gitbot-sim-index-" + Guid.NewGuid().ToString("N"));
        var environment = new Dictionary<string, string>(Identity, StringComparer.Ordinal)
        {
            ["GIT_INDEX_FILE"] = index,
            ["GIT_AUTHOR_NAME"] = author,
            ["GIT_AUTHOR_EMAIL"] = $"{author}@users.noreply.github.com",
        };
        try
        {
            await IndexGitAsync(barePath, environment, ["read-tree", parent], null, cancellationToken);
            foreach (var (path, text) in files)
            {
                var blob = await IndexGitAsync(barePath, environment, ["hash-object", "-w", "--stdin"], text, cancellationToken);
                await IndexGitAsync(barePath, environment, ["update-index", "--add", "--cacheinfo", $"100644,{blob},{path}"], null, cancellationToken);
            }

            var tree = await IndexGitAsync(barePath, environment, ["write-tree"], null, cancellationToken);
            return await IndexGitAsync(barePath, environment, ["commit-tree", tree, "-p", parent, "-m", message], null, cancellationToken);
        }
        finally
        {
            File.Delete(index);
        }
    }

    private async Task<string> IndexGitAsync(string barePath, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> args,
        string? input, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(new ProcessSpec("git", args, barePath, environment, Timeout, input), cancellationToken);
        return result.Succeeded
            ? result.StandardOutput.Trim()
            : throw new InvalidOperationException(
                $"git {string.Join(' ', args)} failed in {barePath} ({result.End}, exit {result.ExitCode}): {result.StartError}{result.StandardError.Trim()}");
    }
}
