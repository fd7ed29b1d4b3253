using GitBot.Core.Plans;

namespace GitBot.Workflows.Plans;

/// <summary>
/// Watches the store while a task's agent runs and cancels <see cref="Token"/> as soon as the task is no longer this
/// run's to finish (the plan was cancelled by removing the label, or another node took the task over). This works
/// across nodes because it reads the shared database, not an in-process signal.
/// </summary>
public sealed class TaskRunWatcher : IAsyncDisposable
{
    private readonly CancellationTokenSource _cts;
    private readonly Task _loop;

    private TaskRunWatcher(IPlanStore store, long planId, string taskId, int attempt, TimeSpan interval, TimeProvider time, CancellationToken outer)
    {
        _cts = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _loop = WatchAsync(store, planId, taskId, attempt, interval, time);
    }

    /// <summary>Cancelled when the task was taken away from this run, or when the outer token fires.</summary>
    public CancellationToken Token => _cts.Token;

    /// <summary>True when the task was taken away (not merely the outer token firing).</summary>
    public bool Superseded { get; private set; }

    public static TaskRunWatcher Start(IPlanStore store, long planId, string taskId, int attempt, TimeSpan interval, TimeProvider time, CancellationToken outer) =>
        new(store, planId, taskId, attempt, interval, time, outer);

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // The loop ends by cancellation.
        }

        _cts.Dispose();
    }

    private async Task WatchAsync(IPlanStore store, long planId, string taskId, int attempt, TimeSpan interval, TimeProvider time)
    {
        var token = _cts.Token;
        while (!token.IsCancellationRequested)
        {
            await Task.Delay(interval, time, token);
            var snapshot = await store.GetAsync(planId, token);
            var task = snapshot?.Tasks.FirstOrDefault(t => t.Id == taskId);
            if (task is null || task.State != TaskState.Running || task.Attempt != attempt)
            {
                Superseded = true;
                await _cts.CancelAsync();
                return;
            }
        }
    }
}
