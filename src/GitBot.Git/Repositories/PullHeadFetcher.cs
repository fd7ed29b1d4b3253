using System.Globalization;
using System.Text.RegularExpressions;

namespace GitBot.Git.Repositories;

/// <summary>
/// Makes sure a pull request's head commit is in a repository cache. A head pushed to a fork is not on any branch of
/// the base repository, so <see cref="MirrorCache"/>'s branch fetch never brings it; GitHub serves it as
/// <c>refs/pull/{n}/head</c>. Guarantees: the ref is stored as <c>refs/gitbot/pull/{n}/head</c>, outside
/// <c>refs/remotes/origin/*</c>, so the cache's pruning fetch never deletes it (nor do fetches of other pulls);
/// nothing is fetched when the commit is already there; the answer is the full sha asked for, or why it is not there.
/// </summary>
public sealed partial class PullHeadFetcher
{
    private readonly GitCli _git;

    public PullHeadFetcher(GitCli git) => _git = git;

    /// <summary>Where the head of pull <paramref name="pullNumber"/> is kept in the cache.</summary>
    public static string LocalRef(int pullNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"refs/gitbot/pull/{pullNumber}/head");

    /// <summary>
    /// Ensures commit <paramref name="sha"/> is in the cache at <paramref name="cachePath"/>, fetching
    /// <c>refs/pull/{pullNumber}/head</c> from its <c>origin</c> when it is not. Returns the (lower-case) sha.
    /// </summary>
    public async Task<GitOperationResult<string>> EnsureCommitAsync(
        string cachePath, int pullNumber, string sha, GitCredential? credential, CancellationToken cancellationToken)
    {
        if (pullNumber <= 0)
        {
            return GitOperationResult<string>.Fail(string.Create(CultureInfo.InvariantCulture, $"{pullNumber} is not a pull request number"));
        }

        if (string.IsNullOrEmpty(sha) || !FullSha().IsMatch(sha))
        {
            return GitOperationResult<string>.Fail($"'{sha}' is not a full commit sha");
        }

        var commit = sha.ToLowerInvariant();
        var cache = Path.GetFullPath(cachePath);
        if (await HasCommitAsync(cache, commit, cancellationToken))
        {
            return GitOperationResult<string>.Ok(commit);
        }

        string[] fetch = ["fetch", "--quiet", "--no-tags", "origin", $"+refs/pull/{pullNumber.ToString(CultureInfo.InvariantCulture)}/head:{LocalRef(pullNumber)}"];
        var fetched = await _git.RunAsync(cache, fetch, credential, cancellationToken);

        // Checked even after a failed fetch: a concurrent fetch of the same ref (git's ref lock lets only one win) may
        // have brought the commit.
        if (await HasCommitAsync(cache, commit, cancellationToken))
        {
            return GitOperationResult<string>.Ok(commit);
        }

        var pull = string.Create(CultureInfo.InvariantCulture, $"refs/pull/{pullNumber}/head");
        return fetched.Succeeded
            ? GitOperationResult<string>.Fail($"commit {commit} is neither on a branch nor at {pull} (the pull request was pushed to since, or the sha is wrong)")
            : GitFailure.Fail<string>($"commit {commit} is not in the cache and {pull} could not be fetched", fetched);
    }

    private async Task<bool> HasCommitAsync(string cache, string sha, CancellationToken cancellationToken)
    {
        var result = await _git.RunAsync(cache, ["cat-file", "-e", sha + "^{commit}"], null, cancellationToken);
        return result.Succeeded;
    }

    [GeneratedRegex("^(?:[0-9a-fA-F]{40}|[0-9a-fA-F]{64})$")]
    private static partial Regex FullSha();
}
