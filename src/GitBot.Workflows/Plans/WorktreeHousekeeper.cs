using System.Collections.Concurrent;
using GitBot.Git.Repositories;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GitBot.Workflows.Plans;

/// <summary>
/// Worktree housekeeping off a task's critical path: giving finished worktrees back to the pool. Giving one back
/// resets and cleans it (on a large repository, hundreds of milliseconds of file-system work) and nothing of the
/// task's outcome depends on it, so the task's merge and state change go first. Work still in flight when the node stops is awaited; work cut short by a crash leaves a
/// directory that start-up clean-up removes.
/// </summary>
public sealed partial class WorktreeHousekeeper(WorktreeManager worktrees, ILogger<WorktreeHousekeeper> logger) : IHostedService
{
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();

    /// <summary>Starts returning <paramref name="worktree"/> and returns at once.</summary>
    public void Return(Worktree worktree) => Track(Task.Run(() => ReturnAsync(worktree)));

    private void Track(Task work)
    {
        _inFlight[work] = 0;
        work.ContinueWith(done => _inFlight.TryRemove(done, out _), TaskScheduler.Default);
    }

    /// <summary>Waits for every return in flight.</summary>
    public Task DrainAsync() => Task.WhenAll(_inFlight.Keys);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => DrainAsync().WaitAsync(cancellationToken);

    private async Task ReturnAsync(Worktree worktree)
    {
        try
        {
            await worktrees.RemoveAsync(worktree, CancellationToken.None);
        }
        catch (IOException ex)
        {
            LogFailed(logger, worktree.Path, ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            LogFailed(logger, worktree.Path, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Worktree housekeeping of {Path} failed; start-up clean-up removes what is left")]
    private static partial void LogFailed(ILogger logger, string path, Exception exception);
}
