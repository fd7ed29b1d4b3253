namespace GitBot.Git.Repositories;

/// <summary>
/// Commits everything in a task's worktree as the bot. Guarantees: nothing is committed when any file changed since
/// the worktree was created (including in commits an agent made itself) is under <c>.github/workflows/</c> without
/// permission, or holds conflict markers; every commit has the bot identity and the request's trailers; repository
/// hooks never run and nothing is signed with a key of the machine.
/// </summary>
public sealed class WorkspaceCommitter
{
    private readonly GitCli _git;

    public WorkspaceCommitter(GitCli git) => _git = git;

    public async Task<GitOperationResult<CommitOutcome>> CommitAllAsync(
        Worktree worktree, CommitRequest request, CancellationToken cancellationToken)
    {
        if (request.Trailers.FirstOrDefault(t => !GitNames.IsValidTrailerKey(t.Key) || t.Value.Any(char.IsControl)) is { Key: not null } bad)
        {
            return GitOperationResult<CommitOutcome>.Fail($"trailer '{bad.Key}' is not a valid one-line trailer");
        }

        var path = worktree.Path;
        var add = await _git.RunAsync(path, ["add", "--all"], null, cancellationToken);
        if (!add.Succeeded)
        {
            return GitFailure.Fail<CommitOutcome>("git add failed", add);
        }

        var head = await _git.RunAsync(path, ["rev-parse", "--verify", "HEAD"], null, cancellationToken);
        if (!head.Succeeded)
        {
            return GitFailure.Fail<CommitOutcome>("the worktree has no HEAD commit", head);
        }

        var headSha = head.StandardOutput.Trim();
        var baseSha = await WorktreeMetadata.ReadBaseAsync(path, cancellationToken) ?? headSha;
        var changed = await ChangedAsync(path, baseSha, cancellationToken);
        var staged = await ChangedAsync(path, headSha, cancellationToken);
        if (changed is null || staged is null)
        {
            return GitOperationResult<CommitOutcome>.Fail($"could not list the changes in {path}");
        }

        var refused = new List<string>();
        if (!request.AllowWorkflowChanges)
        {
            refused.AddRange(changed.Where(IsWorkflowPath));
        }

        foreach (var file in changed)
        {
            if (!refused.Contains(file) && await ConflictMarkerScanner.HasMarkersAsync(Path.Combine(path, file), cancellationToken))
            {
                refused.Add(file);
            }
        }

        if (refused.Count > 0)
        {
            // Unstage, keep the files: the caller reports them and a human decides.
            await _git.RunAsync(path, ["reset", "--quiet"], null, cancellationToken);
            return GitOperationResult<CommitOutcome>.Ok(new CommitOutcome(null, changed, refused));
        }

        if (staged.Count > 0)
        {
            var commit = await _git.RunAsync(path, BuildCommitArguments(request), null, cancellationToken);
            if (!commit.Succeeded)
            {
                return GitFailure.Fail<CommitOutcome>("git commit failed", commit);
            }

            head = await _git.RunAsync(path, ["rev-parse", "--verify", "HEAD"], null, cancellationToken);
            headSha = head.StandardOutput.Trim();
        }

        var sha = string.Equals(headSha, baseSha, StringComparison.Ordinal) ? null : headSha;
        return GitOperationResult<CommitOutcome>.Ok(new CommitOutcome(sha, changed, []));
    }

    /// <summary>True for paths GitHub would run as workflows, and for replacing the directories holding them.</summary>
    internal static bool IsWorkflowPath(string path) =>
        path.Equals(".github", StringComparison.OrdinalIgnoreCase)
        || path.Equals(".github/workflows", StringComparison.OrdinalIgnoreCase)
        || path.StartsWith(".github/workflows/", StringComparison.OrdinalIgnoreCase);

    private static List<string> BuildCommitArguments(CommitRequest request)
    {
        // --cleanup=whitespace keeps lines starting with '#' (issue references) that the default cleanup would drop.
        var arguments = new List<string>
        {
            "commit", "--quiet", "--no-verify", "--no-gpg-sign", "--cleanup=whitespace", "-m", request.Message,
        };
        foreach (var (key, value) in request.Trailers)
        {
            arguments.Add("--trailer");
            arguments.Add($"{key}: {value}");
        }

        return arguments;
    }

    /// <summary>Paths whose index content differs from <paramref name="commit"/>; null when git failed.</summary>
    private async Task<List<string>?> ChangedAsync(string path, string commit, CancellationToken cancellationToken)
    {
        var diff = await _git.RunAsync(
            path, ["diff", "--cached", "--name-only", "--no-renames", "-z", commit, "--"], null, cancellationToken);
        return diff.Succeeded ? [.. GitOutput.SplitNul(diff.StandardOutput)] : null;
    }
}
