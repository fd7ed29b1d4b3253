using System.Collections.Concurrent;

namespace GitBot.Workflows.Reviews;

/// <summary>
/// One lock per pull request on this node, so two events for the same PR recompute one after the other and never
/// both create a <c>gitbot/gate</c> run. Locks are small and kept for the process lifetime (one per PR seen).
/// </summary>
public sealed class GateLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits for the PR's lock; dispose the answer to release it.</summary>
    public async Task<IDisposable> AcquireAsync(string repository, int number, CancellationToken cancellationToken)
    {
        var semaphore = _locks.GetOrAdd($"{repository}#{number}", _ => new SemaphoreSlim(1, 1));
        await semaphore.WaitAsync(cancellationToken);
        return new Release(semaphore);
    }

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
