using GitBot.Core.Auditing;
using GitBot.Core.Deliveries;
using GitBot.Workflows.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitBot.Workflows.Deliveries;

/// <summary>
/// Moves stored deliveries into the job engine. Each round reads the oldest undispatched deliveries, schedules a
/// <see cref="ProcessDeliveryJob"/> for the relevant ones, audits the irrelevant ones, and only then marks them all
/// dispatched. Guarantees: a delivery stored before a crash is dispatched after the restart (it is still unmarked);
/// a crash between scheduling and marking re-schedules, which finds the existing job and creates no second one.
/// Wakes on <see cref="DeliverySignal"/> and otherwise polls every <see cref="DeliveryDispatcherOptions.PollInterval"/>.
/// </summary>
public sealed partial class DeliveryDispatcher(
    IServiceScopeFactory scopes,
    DeliverySignal signal,
    IOptions<DeliveryDispatcherOptions> options,
    IOptions<SchedulerOptions> scheduler,
    ILogger<DeliveryDispatcher> logger) : BackgroundService
{

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            int dispatched;
            try
            {
                dispatched = await DispatchOnceAsync(settings.BatchSize, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The database or the job store is unreachable. Nothing was marked, so nothing is lost:
                // the next round reads the same rows again.
                LogRoundFailed(ex);
                dispatched = 0;
            }

            if (dispatched >= settings.BatchSize)
            {
                continue; // A full batch: more are probably waiting.
            }

            try
            {
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round: dispatches up to <paramref name="max"/> deliveries and returns how many it read.</summary>
    public async Task<int> DispatchOnceAsync(int max, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var store = services.GetRequiredService<IDeliveryStore>();
        var pending = await store.ListUndispatchedAsync(max, cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        var router = services.GetRequiredService<WebhookEventRouter>();
        var relevant = pending.Where(d => router.IsRelevant(d.Event, d.Action)).ToList();
        var created = await services.GetRequiredService<DeliveryJobScheduler>().ScheduleAsync(relevant, cancellationToken);

        var time = services.GetRequiredService<TimeProvider>();
        var audit = services.GetRequiredService<IAuditLog>();
        foreach (var ignored in pending.Where(d => !router.IsRelevant(d.Event, d.Action)))
        {
            LogIgnored(ignored.DeliveryId, ignored.Event, ignored.Action);
            await audit.AppendAsync(
                new AuditEntry(time.GetUtcNow(), scheduler.Value.NodeName, "delivery.ignored", ignored.DeliveryId,
                    $"no handler for {ignored.Event}.{ignored.Action ?? "-"}", ignored.DeliveryId),
                cancellationToken);
        }

        await store.MarkDispatchedAsync([.. pending.Select(d => d.DeliveryId)], time.GetUtcNow(), cancellationToken);
        LogDispatched(pending.Count, relevant.Count, created);
        return pending.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery dispatch round failed; retrying at the next poll")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivery {DeliveryId} ({Event}.{Action}) has no handler; marked dispatched without a job")]
    private partial void LogIgnored(string deliveryId, string @event, string? action);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dispatched {Count} deliveries: {Relevant} relevant, {Created} new jobs")]
    private partial void LogDispatched(int count, int relevant, int created);
}
