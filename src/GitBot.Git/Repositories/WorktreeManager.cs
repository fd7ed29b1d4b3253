using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace GitBot.Git.Repositories;

/// <summary>
/// Worktrees for tasks, under <c>{WorkRoot}/worktrees/{repository}/</c>. A fresh worktree writes every file of the
/// repository (seconds on a large one), so idle worktrees are pooled per repository and moved to the next task's branch
/// with <c>checkout -f -B</c>, which writes only the files that differ (untracked and ignored files were removed when
/// the worktree was returned).
/// Guarantees: a created worktree is exactly <c>startPoint</c> on local branch <c>branch</c> (reset if it existed),
/// with no leftovers of an earlier task; <c>git worktree add</c> and <c>prune</c> run one at a time per repository
/// (concurrent ones race on the shared config and worktree metadata), checkouts run in parallel; a pooled worktree
/// is handed to one caller at a time.
/// </summary>
public sealed class WorktreeManager
{
    private readonly GitCli _git;
    private readonly GitOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, ConcurrentStack<string>> _pools = new(StringComparer.Ordinal);

    public WorktreeManager(GitCli git, IOptions<GitOptions> options, TimeProvider time)
    {
        _git = git;
        _options = options.Value;
        _time = time;
    }

    /// <summary>Creates (or resets) local branch <paramref name="branch"/> at <paramref name="startPoint"/> and a worktree on it.</summary>
    public async Task<GitOperationResult<Worktree>> CreateAsync(
        string cachePath, string branch, string startPoint, CancellationToken cancellationToken)
    {
        var shortBranch = GitNames.ShortBranch(branch);
        if (!GitNames.IsValidBranch(shortBranch))
        {
            return GitOperationResult<Worktree>.Fail($"'{branch}' is not a valid branch name");
        }

        if (!GitNames.IsSafeRevision(startPoint))
        {
            return GitOperationResult<Worktree>.Fail($"'{startPoint}' is not a valid start point");
        }

        var cache = Path.GetFullPath(cachePath);
        var resolved = await _git.RunAsync(cache, ["rev-parse", "--verify", "--quiet", startPoint + "^{commit}"], null, cancellationToken);
        var sha = resolved.StandardOutput.Trim();
        if (!resolved.Succeeded || sha.Length < 40)
        {
            return GitOperationResult<Worktree>.Fail($"start point '{startPoint}' names no commit in {cache}");
        }

        var pool = _pools.GetOrAdd(cache, _ => new ConcurrentStack<string>());
        while (pool.TryPop(out var pooled))
        {
            if (Directory.Exists(pooled) && await SwitchAsync(cache, pooled, shortBranch, sha, cancellationToken) is null)
            {
                return GitOperationResult<Worktree>.Ok(new Worktree(pooled, shortBranch, cache));
            }

            await DeleteAsync(cache, pooled, CancellationToken.None);
        }

        var path = Path.Combine(_options.WorktreesRoot, RepositoryKey(cache), NewName());
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var gate = RepositoryLocks.For(cache);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var add = await _git.RunAsync(cache, ["worktree", "add", "--quiet", "--no-checkout", "--detach", path, sha], null, cancellationToken);
            if (!add.Succeeded)
            {
                return GitFailure.Fail<Worktree>("git worktree add failed", add);
            }
        }
        finally
        {
            gate.Release();
        }

        // The full checkout happens outside the lock, in parallel with other tasks' checkouts.
        if (await SwitchAsync(cache, path, shortBranch, sha, cancellationToken) is { } error)
        {
            await DeleteAsync(cache, path, CancellationToken.None);
            return GitOperationResult<Worktree>.Fail(error);
        }

        return GitOperationResult<Worktree>.Ok(new Worktree(path, shortBranch, cache));
    }

    /// <summary>
    /// Ends a task's use of <paramref name="worktree"/>: back to the pool when it has room (its branch released,
    /// untracked files removed), otherwise deleted. The local branch itself is kept.
    /// </summary>
    public async Task RemoveAsync(Worktree worktree, CancellationToken cancellationToken)
    {
        var cache = Path.GetFullPath(worktree.CachePath);
        var path = Path.GetFullPath(worktree.Path);
        var pool = _pools.GetOrAdd(cache, _ => new ConcurrentStack<string>());
        if (Directory.Exists(path) && IsManaged(path) && pool.Count < _options.WorktreePoolSize)
        {
            // Untracked and ignored files are removed here, off the next task's path (on 50,000 files a clean walks
            // every directory); pooled worktrees are idle, so they stay clean until handed out. Tracked changes are
            // undone by the next checkout --force.
            var detach = await _git.RunAsync(path, ["checkout", "--quiet", "--detach"], null, cancellationToken);
            var clean = detach.Succeeded
                ? await _git.RunAsync(path, ["clean", "-ffdxq"], null, cancellationToken)
                : detach;
            if (clean.Succeeded)
            {
                pool.Push(path);
                return;
            }
        }

        await DeleteAsync(cache, path, cancellationToken);
    }

    /// <summary>
    /// Start-up cleanup: deletes every worktree directory under <c>{WorkRoot}/worktrees</c> (nothing runs in them yet)
    /// and prunes the worktree metadata of every cache they belonged to and every cache under <c>{WorkRoot}/mirrors</c>.
    /// Returns how many worktree directories were removed.
    /// </summary>
    public async Task<int> CleanStaleAsync(CancellationToken cancellationToken)
    {
        _pools.Clear();
        var caches = new HashSet<string>(StringComparer.Ordinal);
        var removed = 0;
        if (Directory.Exists(_options.WorktreesRoot))
        {
            foreach (var group in Directory.EnumerateDirectories(_options.WorktreesRoot))
            {
                foreach (var directory in Directory.EnumerateDirectories(group))
                {
                    if (WorktreeMetadata.GitDirectory(directory) is { } gitDir)
                    {
                        caches.Add(Path.GetFullPath(Path.Combine(gitDir, "..", "..")));
                    }

                    DeleteDirectory(directory);
                    removed++;
                }

                DeleteDirectory(group);
            }
        }

        if (Directory.Exists(_options.MirrorsRoot))
        {
            foreach (var owner in Directory.EnumerateDirectories(_options.MirrorsRoot))
            {
                caches.UnionWith(Directory.EnumerateDirectories(owner, "*.git").Select(Path.GetFullPath));
            }
        }

        foreach (var cache in caches.Where(Directory.Exists))
        {
            await PruneAsync(cache, cancellationToken);
        }

        return removed;
    }

    /// <summary>Puts the worktree on <paramref name="branch"/> at <paramref name="sha"/>; returns why not, or null.</summary>
    private async Task<string?> SwitchAsync(string cache, string path, string branch, string sha, CancellationToken cancellationToken)
    {
        // --no-track: branching from a remote-tracking ref would otherwise write upstream settings into the shared config.
        string[] checkout = ["checkout", "--quiet", "--force", "--no-track", "-B", branch, sha];
        var result = await _git.RunAsync(path, checkout, null, cancellationToken);
        if (!result.Succeeded && result.StandardError.Contains("already", StringComparison.Ordinal))
        {
            // The branch is held by a worktree whose directory is gone (a crash): prune its metadata and try again.
            await PruneAsync(cache, cancellationToken);
            result = await _git.RunAsync(path, checkout, null, cancellationToken);
        }

        if (!result.Succeeded)
        {
            return GitFailure.Describe($"could not check out {branch}", result);
        }

        await WorktreeMetadata.WriteBaseAsync(path, sha, cancellationToken);
        return null;
    }

    private async Task DeleteAsync(string cache, string path, CancellationToken cancellationToken)
    {
        // Rename first (instant), so the metadata can be pruned at once and the slow delete happens outside the lock.
        var trash = Path.Combine(_options.WorktreesRoot, ".trash", NewName());
        var target = path;
        try
        {
            if (Directory.Exists(path))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(trash)!);
                Directory.Move(path, trash);
                target = trash;
            }
        }
        catch (IOException)
        {
            target = path;
        }

        DeleteDirectory(target);
        await PruneAsync(cache, cancellationToken);
    }

    private async Task PruneAsync(string cache, CancellationToken cancellationToken)
    {
        var gate = RepositoryLocks.For(cache);
        await gate.WaitAsync(cancellationToken);
        try
        {
            await _git.RunAsync(cache, ["worktree", "prune"], null, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private bool IsManaged(string path) =>
        path.StartsWith(_options.WorktreesRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private string NewName() =>
        "wt-" + _time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];

    private static string RepositoryKey(string cache)
    {
        var name = Path.GetFileName(cache.TrimEnd('/'));
        name = name.EndsWith(".git", StringComparison.Ordinal) ? name[..^4] : name;
        var owner = Path.GetFileName(Path.GetDirectoryName(cache.TrimEnd('/')) ?? string.Empty);
        var safe = new string((owner + "+" + name).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '+' ? c : '_').ToArray());
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(cache)))[..8];
        return safe + "-" + hash;
    }

    private static void DeleteDirectory(string directory)
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
            // Left for the next start-up cleanup.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
