namespace GitBot.Git.Repositories;

/// <summary>Filling a repository's worktree pool ahead of demand.</summary>
public sealed partial class WorktreeManager
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _filling = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Counter> _inUse = new(StringComparer.Ordinal);

    /// <summary>
    /// Brings the worktrees of <paramref name="cachePath"/> (in use plus pooled) up to <paramref name="size"/>, pooling
    /// at most the configured pool size, each new one checked out at <paramref name="startPoint"/> and detached, so the next tasks of this
    /// repository move a ready worktree instead of writing every file of the repository. One fill per repository runs
    /// at a time; a second call while one runs returns at once. Returns how many worktrees were added.
    /// </summary>
    public async Task<int> FillPoolAsync(string cachePath, string startPoint, int size, CancellationToken cancellationToken)
    {
        var cache = Path.GetFullPath(cachePath);
        if (!GitNames.IsSafeRevision(startPoint) || !_filling.TryAdd(cache, 0))
        {
            return 0;
        }

        try
        {
            var pool = _pools.GetOrAdd(cache, _ => new System.Collections.Concurrent.ConcurrentStack<string>());
            var added = 0;
            var inUse = InUse(cache);
            while (pool.Count < _options.WorktreePoolSize && pool.Count + inUse.Value < size && !cancellationToken.IsCancellationRequested)
            {
                var path = Path.Combine(_options.WorktreesRoot, RepositoryKey(cache), NewName());
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var gate = RepositoryLocks.For(cache);
                await gate.WaitAsync(cancellationToken);
                Processes.ProcessResult add;
                try
                {
                    add = await _git.RunAsync(cache, ["worktree", "add", "--quiet", "--no-checkout", "--detach", path, startPoint], null, cancellationToken);
                }
                finally
                {
                    gate.Release();
                }

                var checkout = add.Succeeded
                    ? await _git.RunAsync(path, ["checkout", "--quiet", "--force", "--detach", startPoint], null, cancellationToken)
                    : add;
                if (!checkout.Succeeded)
                {
                    await DeleteAsync(cache, path, CancellationToken.None);
                    return added;
                }

                pool.Push(path);
                added++;
            }

            return added;
        }
        finally
        {
            _filling.TryRemove(cache, out _);
        }
    }

    private Counter InUse(string cache) => _inUse.GetOrAdd(cache, _ => new Counter());

    /// <summary>A thread-safe count of a repository's worktrees handed out to tasks.</summary>
    private sealed class Counter
    {
        private int _value;

        public int Value => Volatile.Read(ref _value);

        public void Add(int delta) => Interlocked.Add(ref _value, delta);
    }
}
