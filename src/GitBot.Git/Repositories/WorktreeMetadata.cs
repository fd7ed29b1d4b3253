namespace GitBot.Git.Repositories;

/// <summary>
/// GitBot's notes in a worktree's private git directory (<c>{cache}/worktrees/{name}</c>): the commit the worktree
/// was started from, so a commit check can see everything done since, including commits an agent made itself.
/// </summary>
internal static class WorktreeMetadata
{
    private const string BaseFileName = "gitbot-base";

    /// <summary>The worktree's private git directory, read from its <c>.git</c> file; null when it is not a linked worktree.</summary>
    public static string? GitDirectory(string worktreePath)
    {
        var dotGit = Path.Combine(worktreePath, ".git");
        if (!File.Exists(dotGit))
        {
            return null;
        }

        var line = File.ReadLines(dotGit).FirstOrDefault() ?? string.Empty;
        const string prefix = "gitdir: ";
        if (!line.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var gitDir = line[prefix.Length..].Trim();
        return Path.IsPathRooted(gitDir) ? gitDir : Path.GetFullPath(Path.Combine(worktreePath, gitDir));
    }

    public static async Task WriteBaseAsync(string worktreePath, string sha, CancellationToken cancellationToken)
    {
        if (GitDirectory(worktreePath) is { } gitDir && Directory.Exists(gitDir))
        {
            await File.WriteAllTextAsync(Path.Combine(gitDir, BaseFileName), sha + "\n", cancellationToken);
        }
    }

    public static async Task<string?> ReadBaseAsync(string worktreePath, CancellationToken cancellationToken)
    {
        if (GitDirectory(worktreePath) is not { } gitDir)
        {
            return null;
        }

        var file = Path.Combine(gitDir, BaseFileName);
        if (!File.Exists(file))
        {
            return null;
        }

        var sha = (await File.ReadAllTextAsync(file, cancellationToken)).Trim();
        return sha.Length >= 40 && sha.All(char.IsAsciiHexDigitLower) ? sha : null;
    }
}
