using System.Collections.Concurrent;

namespace GitBot.Git.Repositories;

/// <summary>
/// One lock per local repository (by full path) for operations that write its shared files: <c>config</c> (git's
/// <c>config.lock</c> fails instead of waiting) and the <c>worktrees/</c> metadata. Process-wide on purpose: every
/// component that writes those files in this process must take the same lock.
/// </summary>
internal static class RepositoryLocks
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new(StringComparer.Ordinal);

    public static SemaphoreSlim For(string repositoryPath) =>
        Locks.GetOrAdd(Path.GetFullPath(repositoryPath).TrimEnd('/'), _ => new SemaphoreSlim(1, 1));
}
