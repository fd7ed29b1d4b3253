using GitBot.Core.Auditing;
using GitBot.Core.Deliveries;
using GitBot.Workflows.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitBot.Workflows.Deliveries;

/// <summary>
/// Moves stored deliveries into the job engine. Each round reads the headers (<see cref="PendingDelivery"/>, no
/// payloads) of the oldest undispatched deliveries, schedules a <see cref="ProcessDeliveryJob"/> for the relevant ones
/// (by id: the job loads the payload itself), audits the irrelevant ones (one entry per round listing their ids), and
/// only then marks them all dispatched. Guarantees: a delivery stored before a crash is dispatched
/// after the restart (it is still unmarked); a crash between scheduling and marking re-schedules, which finds the
/// still pending job and creates no second one (see <see cref="DeliveryJobScheduler"/>).
/// Wakes on <see cref="DeliverySignal"/> (then lingers <see cref="DeliveryDispatcherOptions.Linger"/> to gather a batch) and
/// otherwise polls every <see cref="DeliveryDispatcherOptions.PollInterval"/>.
/// </summary>
public sealed partial class DeliveryDispatcher(
    IServiceScopeFactory scopes,
    DeliverySignal signal,
    IOptions<DeliveryDispatcherOptions> options,
    IOptions<SchedulerOptions> scheduler,
    TimeProvider time,
    ILogger<DeliveryDispatcher> logger) : BackgroundService
{
    /// <summary>Audit action of a round's deliveries that no handler acts on; the details list their ids.</summary>
    public const string IgnoredAction = "delivery.ignored";

    /// <summary>Audit subject of those entries.</summary>
    public const string IgnoredSubject = "deliveries";


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
                if (await signal.WaitAsync(settings.PollInterval, stoppingToken) && settings.Linger > TimeSpan.Zero)
                {
                    await Task.Delay(settings.Linger, time, stoppingToken);
                }
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
        var relevant = new List<string>(pending.Count);
        var ignored = new List<PendingDelivery>();
        foreach (var delivery in pending)
        {
            if (router.IsRelevant(delivery.Event, delivery.Action))
            {
                relevant.Add(delivery.DeliveryId);
            }
            else
            {
                ignored.Add(delivery);
            }
        }

        var created = await services.GetRequiredService<DeliveryJobScheduler>().ScheduleAsync(relevant, cancellationToken);
        if (ignored.Count > 0)
        {
            // One entry per round rather than per delivery: most of GitHub's traffic is events GitBot does not act on,
            // and a row for each would double the write volume of the audit log for nothing anyone decides on.
            await services.GetRequiredService<IAuditLog>().AppendAsync(
                new AuditEntry(time.GetUtcNow(), scheduler.Value.NodeName, IgnoredAction, IgnoredSubject, DescribeIgnored(ignored)),
                cancellationToken);
        }

        await store.MarkDispatchedAsync([.. pending.Select(d => d.DeliveryId)], time.GetUtcNow(), cancellationToken);
        LogDispatched(pending.Count, relevant.Count, created, ignored.Count);
        return pending.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery dispatch round failed; retrying at the next poll")]
    private partial void LogRoundFailed(Exception exception);

    /// <summary>"issues.opened: id1, id2; push.-: id3": which deliveries were ignored, grouped by event and action.</summary>
    private static string DescribeIgnored(List<PendingDelivery> ignored) =>
        $"{ignored.Count} without a handler, marked dispatched without a job: " + string.Join("; ", ignored
            .GroupBy(d => $"{d.Event}.{d.Action ?? "-"}", StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(d => d.DeliveryId))}"));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dispatched {Count} deliveries: {Relevant} relevant, {Created} new jobs, {Ignored} without a handler")]
    private partial void LogDispatched(int count, int relevant, int created, int ignored);
}
