namespace GitBot.Git.Repositories;

/// <summary>
/// What <see cref="WorkspaceCommitter"/> did. <paramref name="Sha"/> is the branch's new tip, null when there was
/// nothing to commit or the commit was refused. <paramref name="Files"/> are the paths changed since the worktree was
/// created; <paramref name="RefusedFiles"/>, when not empty, are why nothing was committed (workflow changes not
/// allowed, or conflict markers).
/// </summary>
public sealed record CommitOutcome(string? Sha, IReadOnlyList<string> Files, IReadOnlyList<string> RefusedFiles)
{
    public bool Refused => RefusedFiles.Count > 0;
}
