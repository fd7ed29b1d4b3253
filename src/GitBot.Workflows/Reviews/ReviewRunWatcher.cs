using GitBot.Core.Reviews.Runs;

namespace GitBot.Workflows.Reviews;

/// <summary>
/// Watches the store while a review runs and cancels <see cref="Token"/> as soon as the run is no longer this
/// attempt's to finish (a push superseded its head, or a re-run took over). Works across nodes because it reads the
/// shared database, not an in-process signal.
/// </summary>
public sealed class ReviewRunWatcher : IAsyncDisposable
{
    private readonly CancellationTokenSource _cts;
    private readonly Task _loop;

    private ReviewRunWatcher(IReviewRunStore store, long runId, int attempt, TimeSpan interval, TimeProvider time, CancellationToken outer)
    {
        _cts = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _loop = WatchAsync(store, runId, attempt, interval, time);
    }

    /// <summary>Cancelled when the run was superseded, or when the outer token fires.</summary>
    public CancellationToken Token => _cts.Token;

    /// <summary>True when the run was taken away (not merely the outer token firing).</summary>
    public bool Superseded { get; private set; }

    public static ReviewRunWatcher Start(IReviewRunStore store, long runId, int attempt, TimeSpan interval, TimeProvider time, CancellationToken outer) =>
        new(store, runId, attempt, interval, time, outer);

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

    private async Task WatchAsync(IReviewRunStore store, long runId, int attempt, TimeSpan interval, TimeProvider time)
    {
        var token = _cts.Token;
        while (!token.IsCancellationRequested)
        {
            await Task.Delay(interval, time, token);
            var run = await store.GetAsync(runId, token);
            if (run is null || run.State != ReviewRunState.Running || run.Attempt != attempt)
            {
                Superseded = true;
                await _cts.CancelAsync();
                return;
            }
        }
    }
}
