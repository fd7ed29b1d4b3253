namespace GitBot.Git.Repositories;

/// <summary>
/// Pushes a commit from a cache to a branch of its <c>origin</c>. Guarantees: never a forced update (no <c>+</c>
/// refspec, no <c>--force</c>), so commits someone else pushed are never overwritten; never to the protected (default)
/// branch, nor to a branch outside the required prefix; the credential reaches only the push process.
/// </summary>
public sealed class BranchPusher
{
    private readonly GitCli _git;

    public BranchPusher(GitCli git) => _git = git;

    public async Task<GitOperationResult<PushStatus>> PushAsync(
        string cachePath,
        string source,
        string remoteBranch,
        string protectedBranch,
        string requiredPrefix,
        GitCredential? credential,
        CancellationToken cancellationToken)
    {
        var branch = GitNames.ShortBranch(remoteBranch);
        if (!GitNames.IsValidBranch(branch))
        {
            return GitOperationResult<PushStatus>.Fail($"'{remoteBranch}' is not a valid branch name");
        }

        if (string.Equals(branch, GitNames.ShortBranch(protectedBranch), StringComparison.Ordinal) || string.IsNullOrEmpty(protectedBranch))
        {
            return GitOperationResult<PushStatus>.Fail($"refusing to push to the protected branch '{branch}'");
        }

        if (!branch.StartsWith(requiredPrefix, StringComparison.Ordinal) || branch.Length == requiredPrefix.Length)
        {
            return GitOperationResult<PushStatus>.Fail($"refusing to push to '{branch}': GitBot pushes only to branches under '{requiredPrefix}'");
        }

        if (!GitNames.IsSafeRevision(source))
        {
            return GitOperationResult<PushStatus>.Fail($"'{source}' is not a valid commit to push");
        }

        var resolved = await _git.RunAsync(cachePath, ["rev-parse", "--verify", "--quiet", source + "^{commit}"], null, cancellationToken);
        var sha = resolved.StandardOutput.Trim();
        if (!resolved.Succeeded || sha.Length < 40)
        {
            return GitOperationResult<PushStatus>.Fail($"'{source}' names no commit in {cachePath}");
        }

        var target = GitNames.HeadsPrefix + branch;
        var push = await _git.RunAsync(
            cachePath, ["push", "--porcelain", "--no-verify", "origin", $"{sha}:{target}"], credential, cancellationToken);
        var line = push.StandardOutput.Split('\n').FirstOrDefault(l => l.Contains($":{target}\t", StringComparison.Ordinal));
        PushStatus status;
        if (push.Succeeded && line is not null && line.StartsWith('='))
        {
            status = PushStatus.UpToDate;
        }
        else if (push.Succeeded)
        {
            status = PushStatus.Pushed;
        }
        else if (line is not null && line.StartsWith('!') && IsNonFastForward(line))
        {
            return GitOperationResult<PushStatus>.Ok(PushStatus.Rejected);
        }
        else
        {
            return GitFailure.Fail<PushStatus>($"git push to {branch} failed", push);
        }

        // Record what the remote now holds, so the next merge starts from it without a fetch.
        var update = await _git.RunAsync(cachePath, ["update-ref", "refs/remotes/origin/" + branch, sha], null, cancellationToken);
        return update.Succeeded
            ? GitOperationResult<PushStatus>.Ok(status)
            : GitFailure.Fail<PushStatus>($"pushed to {branch} but could not update the local copy of it", update);
    }

    /// <summary>
    /// The remote holds something newer than what was pushed on top of: a non-fast-forward rejection, or a push that
    /// lost the race for the remote's ref lock to another push in flight ("failed to update ref" / "cannot lock ref"),
    /// which is the same situation seen a moment later. Either way the caller fetches and tries again.
    /// </summary>
    private static bool IsNonFastForward(string porcelainLine) =>
        (porcelainLine.Contains("[rejected]", StringComparison.Ordinal)
            && (porcelainLine.Contains("non-fast-forward", StringComparison.Ordinal)
                || porcelainLine.Contains("fetch first", StringComparison.Ordinal)
                || porcelainLine.Contains("stale info", StringComparison.Ordinal)))
        || (porcelainLine.Contains("[remote rejected]", StringComparison.Ordinal)
            && (porcelainLine.Contains("failed to update ref", StringComparison.Ordinal)
                || porcelainLine.Contains("cannot lock ref", StringComparison.Ordinal)));
}
