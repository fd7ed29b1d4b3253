namespace GitBot.Git.Repositories;

/// <summary>
/// Merges one commit into another inside a cache, without a worktree (<c>git merge-tree --write-tree</c> then
/// <c>git commit-tree</c>). Guarantees: no ref is moved (the caller pushes <see cref="MergeOutcome.Sha"/>); a conflict
/// creates nothing, so conflict markers can never be committed; a merge commit has the target as first parent, the
/// source as second, and the bot identity.
/// </summary>
public sealed class BranchMerger
{
    private readonly GitCli _git;

    public BranchMerger(GitCli git) => _git = git;

    public async Task<GitOperationResult<MergeOutcome>> MergeAsync(
        string cachePath, string target, string source, string message, CancellationToken cancellationToken)
    {
        var targetSha = await ResolveAsync(cachePath, target, cancellationToken);
        var sourceSha = await ResolveAsync(cachePath, source, cancellationToken);
        if (targetSha is null || sourceSha is null)
        {
            return GitOperationResult<MergeOutcome>.Fail($"'{(targetSha is null ? target : source)}' names no commit in {cachePath}");
        }

        if (await IsAncestorAsync(cachePath, sourceSha, targetSha, cancellationToken))
        {
            return GitOperationResult<MergeOutcome>.Ok(new MergeOutcome(MergeStatus.AlreadyUpToDate, targetSha, []));
        }

        if (await IsAncestorAsync(cachePath, targetSha, sourceSha, cancellationToken))
        {
            return GitOperationResult<MergeOutcome>.Ok(new MergeOutcome(MergeStatus.Merged, sourceSha, []));
        }

        // Exit 0: clean, stdout is the tree. Exit 1: conflicts, stdout is the tree (with markers: never used) followed
        // by the conflicting paths. Anything else is an error.
        var merge = await _git.RunAsync(
            cachePath, ["merge-tree", "--write-tree", "--name-only", "--no-messages", "-z", targetSha, sourceSha], null, cancellationToken);
        var fields = GitOutput.SplitNul(merge.StandardOutput);
        if (merge.End == Processes.ProcessEnd.Exited && merge.ExitCode == 1 && fields.Length > 0)
        {
            var files = fields.Skip(1).Distinct(StringComparer.Ordinal).ToList();
            return GitOperationResult<MergeOutcome>.Ok(new MergeOutcome(MergeStatus.Conflict, null, files));
        }

        if (!merge.Succeeded || fields.Length == 0)
        {
            return GitFailure.Fail<MergeOutcome>("git merge-tree failed", merge);
        }

        var tree = fields[0].Trim();
        var commit = await _git.RunAsync(
            cachePath, ["commit-tree", "--no-gpg-sign", tree, "-p", targetSha, "-p", sourceSha, "-m", message], null, cancellationToken);
        var sha = commit.StandardOutput.Trim();
        return commit.Succeeded && sha.Length >= 40
            ? GitOperationResult<MergeOutcome>.Ok(new MergeOutcome(MergeStatus.Merged, sha, []))
            : GitFailure.Fail<MergeOutcome>("git commit-tree failed", commit);
    }

    private async Task<string?> ResolveAsync(string cachePath, string reference, CancellationToken cancellationToken)
    {
        if (!GitNames.IsSafeRevision(reference))
        {
            return null;
        }

        var result = await _git.RunAsync(cachePath, ["rev-parse", "--verify", "--quiet", reference + "^{commit}"], null, cancellationToken);
        var sha = result.StandardOutput.Trim();
        return result.Succeeded && sha.Length >= 40 ? sha : null;
    }

    private async Task<bool> IsAncestorAsync(string cachePath, string ancestor, string descendant, CancellationToken cancellationToken) =>
        (await _git.RunAsync(cachePath, ["merge-base", "--is-ancestor", ancestor, descendant], null, cancellationToken)).Succeeded;
}
