using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace GitBot.Git.Repositories;

/// <summary>
/// A local bare repository per GitHub repository under <c>{WorkRoot}/mirrors/{owner}/{name}.git</c>: created on first
/// use, fetched after. Guarantees: remote branches land in <c>refs/remotes/origin/*</c> and a fetch prunes only there,
/// so local task branches in the same repository are never overwritten or deleted by a fetch; the stored remote URL is
/// the plain clone URL (credentials travel only in the environment of the git process); a half-made cache is never
/// visible (it is built in a temporary directory and renamed into place); operations on one repository are serialized,
/// and every caller gets a fetch that started after it called — callers that arrive while one runs share the next one.
/// </summary>
public sealed partial class MirrorCache
{
    private const string FetchRefspec = "+refs/heads/*:refs/remotes/origin/*";
    private const int FetchLockRetries = 3;
    private readonly GitCli _git;
    private readonly GitOptions _options;
    private readonly ConcurrentDictionary<string, MirrorState> _states = new(StringComparer.Ordinal);

    public MirrorCache(GitCli git, IOptions<GitOptions> options)
    {
        _git = git;
        _options = options.Value;
    }

    /// <summary>Where the cache of <paramref name="repository"/> (<c>owner/name</c>) lives, or null for an invalid name.</summary>
    public string? GetPath(string repository)
    {
        if (!RepositoryName().IsMatch(repository))
        {
            return null;
        }

        var parts = repository.ToLowerInvariant().Split('/');
        return parts.Any(p => p is "." or "..") ? null : Path.Combine(_options.MirrorsRoot, parts[0], parts[1] + ".git");
    }

    /// <summary>Makes the cache of <paramref name="repository"/> current with <paramref name="cloneUrl"/> and returns its path.</summary>
    public async Task<GitOperationResult<string>> EnsureAsync(
        string repository, string cloneUrl, GitCredential? credential, CancellationToken cancellationToken)
    {
        var path = GetPath(repository);
        if (path is null)
        {
            return GitOperationResult<string>.Fail($"'{repository}' is not an owner/name repository name");
        }

        if (string.IsNullOrWhiteSpace(cloneUrl) || cloneUrl[0] == '-' || UrlWithCredentials().IsMatch(cloneUrl))
        {
            return GitOperationResult<string>.Fail("the clone URL must be a plain URL; credentials go in a GitCredential");
        }

        var state = _states.GetOrAdd(path, _ => new MirrorState());
        var ticket = Interlocked.Increment(ref state.Requested);
        await state.Gate.WaitAsync(cancellationToken);
        try
        {
            // A fetch that started after this caller arrived has finished meanwhile: its result is current enough.
            if (state.Last is { } shared && Volatile.Read(ref state.CompletedThrough) >= ticket)
            {
                return shared;
            }

            var covers = Volatile.Read(ref state.Requested);
            var result = Directory.Exists(path)
                ? await FetchAsync(path, cloneUrl, credential, cancellationToken)
                : await CreateAsync(path, cloneUrl, credential, cancellationToken);
            if (!cancellationToken.IsCancellationRequested)
            {
                state.Last = result;
                Volatile.Write(ref state.CompletedThrough, covers);
            }

            return result;
        }
        finally
        {
            state.Gate.Release();
        }
    }

    private async Task<GitOperationResult<string>> FetchAsync(
        string path, string cloneUrl, GitCredential? credential, CancellationToken cancellationToken)
    {
        var url = await _git.RunAsync(path, ["config", "--get", "remote.origin.url"], null, cancellationToken);
        if (!string.Equals(url.StandardOutput.Trim(), cloneUrl, StringComparison.Ordinal))
        {
            // The repository moved (renamed or transferred): follow it. Config writes take the repository's lock.
            var gate = RepositoryLocks.For(path);
            await gate.WaitAsync(cancellationToken);
            try
            {
                var set = await _git.RunAsync(path, ["config", "remote.origin.url", cloneUrl], null, cancellationToken);
                if (!set.Succeeded)
                {
                    return GitFailure.Fail<string>("could not update the cache's remote URL", set);
                }
            }
            finally
            {
                gate.Release();
            }
        }

        // A push from this cache (a task branch, the integration branch) updates its remote-tracking ref at the same
        // time, so a fetch may find a ref moved under it ("cannot lock ref … expected …"). Fetching is idempotent:
        // that race is retried a few times; any other failure is reported at once.
        var fetch = await _git.RunAsync(path, ["fetch", "--prune", "--quiet", "origin"], credential, cancellationToken);
        for (var retry = 0; !fetch.Succeeded && retry < FetchLockRetries && IsRefLockRace(fetch.StandardError); retry++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100 * (retry + 1)), cancellationToken);
            fetch = await _git.RunAsync(path, ["fetch", "--prune", "--quiet", "origin"], credential, cancellationToken);
        }

        return fetch.Succeeded ? GitOperationResult<string>.Ok(path) : GitFailure.Fail<string>("git fetch failed", fetch);
    }

    private static bool IsRefLockRace(string standardError) =>
        standardError.Contains("cannot lock ref", StringComparison.Ordinal) || standardError.Contains(".lock': File exists", StringComparison.Ordinal);

    private async Task<GitOperationResult<string>> CreateAsync(
        string path, string cloneUrl, GitCredential? credential, CancellationToken cancellationToken)
    {
        // Equivalent to `git clone --bare` followed by a refspec change, minus clone's copies of the remote branches
        // in refs/heads (stale local branches that would shadow short names) and plus remote-tracking refs at once.
        var parent = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(parent);
        foreach (var leftover in Directory.EnumerateDirectories(parent, Path.GetFileName(path) + ".tmp-*"))
        {
            Directory.Delete(leftover, recursive: true);
        }

        var temporary = $"{path}.tmp-{Guid.NewGuid():N}";
        string[][] steps =
        [
            ["init", "--quiet", "--bare", temporary],
            ["-C", temporary, "config", "remote.origin.url", cloneUrl],
            ["-C", temporary, "config", "remote.origin.fetch", FetchRefspec],
            // Worktrees share this config. Large repositories: a compact index and a cache of untracked-file scans,
            // so `git add --all` and `git clean` after a task do not re-read every directory.
            ["-C", temporary, "config", "feature.manyFiles", "true"],
            ["-C", temporary, "config", "core.untrackedCache", "true"],
        ];
        foreach (var step in steps)
        {
            var result = await _git.RunAsync(null, step, null, cancellationToken);
            if (!result.Succeeded)
            {
                TryDelete(temporary);
                return GitFailure.Fail<string>("could not create the repository cache", result);
            }
        }

        var fetch = await _git.RunAsync(temporary, ["fetch", "--prune", "--quiet", "origin"], credential, cancellationToken);
        if (!fetch.Succeeded)
        {
            TryDelete(temporary);
            return GitFailure.Fail<string>("git clone failed", fetch);
        }

        Directory.Move(temporary, path);
        return GitOperationResult<string>.Ok(path);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Removed on the next creation attempt.
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}$")]
    private static partial Regex RepositoryName();

    [GeneratedRegex(@"^https?://[^/@]*@", RegexOptions.IgnoreCase)]
    private static partial Regex UrlWithCredentials();

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "Lives as long as the process-wide cache; a SemaphoreSlim without AvailableWaitHandle holds no OS handle.")]
    private sealed class MirrorState
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public long Requested;
        public long CompletedThrough;
        public GitOperationResult<string>? Last;
    }
}
