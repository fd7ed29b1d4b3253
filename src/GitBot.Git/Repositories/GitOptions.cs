namespace GitBot.Git.Repositories;

/// <summary>Settings of the git layer, configuration section <c>Git</c>.</summary>
public sealed class GitOptions
{
    public const string SectionName = "Git";

    /// <summary>Root of GitBot's git state: mirrors under <c>{WorkRoot}/mirrors</c>, worktrees under <c>{WorkRoot}/worktrees</c>.</summary>
    public string WorkRoot { get; set; } = "data/git";

    /// <summary>Author and committer name of every commit GitBot makes.</summary>
    public string CommitterName { get; set; } = "gitbot[bot]";

    /// <summary>Author and committer email of every commit GitBot makes.</summary>
    public string CommitterEmail { get; set; } = "gitbot[bot]@users.noreply.github.com";

    /// <summary>The git executable, looked up on PATH when not rooted.</summary>
    public string GitExecutable { get; set; } = "git";

    /// <summary>Wall-clock limit of one git command; its process tree is killed when it passes.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Idle worktrees kept per repository for reuse. Reusing one writes only the files that differ between two commits,
    /// where a fresh worktree writes every file (seconds on a large repository).
    /// </summary>
    public int WorktreePoolSize { get; set; } = 8;

    internal string FullWorkRoot => Path.GetFullPath(WorkRoot);

    internal string MirrorsRoot => Path.Combine(FullWorkRoot, "mirrors");

    internal string WorktreesRoot => Path.Combine(FullWorkRoot, "worktrees");

    internal string HomeDirectory => Path.Combine(FullWorkRoot, "home");
}
