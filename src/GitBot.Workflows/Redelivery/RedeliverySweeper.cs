using GitBot.Core.Auditing;
using GitBot.Core.Deliveries;
using GitBot.GitHub.Clients;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitBot.Workflows.Redelivery;

/// <summary>
/// GitHub does not retry a webhook delivery that failed (GitBot down, a 5xx, a timeout). The sweep reads the App's
/// delivery log, keeps the deliveries none of whose attempts succeeded and that GitBot has not stored, and asks
/// GitHub to redeliver each of them once. Every request and every completed sweep is audited; the newest completed
/// sweep (subject <see cref="SweepSubject"/>) is where the next one starts reading, so the window survives restarts
/// and is shared by every node.
/// </summary>
public sealed partial class RedeliverySweeper(
    GitHubAppClient github,
    IDeliveryStore deliveries,
    IAuditLog audit,
    TimeProvider time,
    IOptions<RedeliveryOptions> options,
    ILogger<RedeliverySweeper> logger)
{
    /// <summary>Audit subject of completed sweeps.</summary>
    public const string SweepSubject = "github:app/hook/deliveries";

    private const string Actor = "gitbot";

    public async Task<RedeliverySweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var startedAt = time.GetUtcNow();
        var since = await WindowStartAsync(startedAt, settings, cancellationToken);

        var listed = await github.ListHookDeliveriesAsync(since, cancellationToken);
        if (!listed.TryGetValue(out var log))
        {
            LogListFailed(since, listed.Error?.ToString());
            return new RedeliverySweepResult(since, ListFailed: true, 0, 0, 0, 0);
        }

        // One GUID per delivery; its attempts (the original and any redeliveries) share it. A delivery that
        // succeeded on any attempt needs nothing; otherwise the newest attempt is the one to redeliver.
        var failed = log
            .GroupBy(d => d.Guid, StringComparer.Ordinal)
            .Where(attempts => !attempts.Any(a => a.Succeeded))
            .Select(attempts => attempts.MaxBy(a => a.DeliveredAt)!)
            .ToList();
        var stored = await deliveries.FindStoredAsync([.. failed.Select(d => d.Guid)], cancellationToken);

        var requested = 0;
        var requestsFailed = 0;
        foreach (var delivery in failed.Where(d => !stored.Contains(d.Guid)))
        {
            var result = await github.RedeliverHookDeliveryAsync(delivery.Id, cancellationToken);
            var ok = result.IsSuccess;
            if (ok)
            {
                requested++;
                LogRequested(delivery.Guid, delivery.Id, delivery.StatusCode);
            }
            else
            {
                requestsFailed++;
                LogRequestFailed(delivery.Guid, delivery.Id, result.Error?.ToString());
            }

            await audit.AppendAsync(
                new AuditEntry(
                    time.GetUtcNow(),
                    Actor,
                    ok ? "delivery.redelivery_requested" : "delivery.redelivery_failed",
                    delivery.Guid,
                    $"hook delivery {delivery.Id} ({delivery.Event}) last answered {delivery.StatusCode}" +
                        (ok ? string.Empty : $"; request failed: {result.Error?.Kind}"),
                    delivery.Guid),
                cancellationToken);
        }

        var summary = new RedeliverySweepResult(since, ListFailed: false, failed.Count, stored.Count, requested, requestsFailed);
        await audit.AppendAsync(
            new AuditEntry(
                startedAt,
                Actor,
                "delivery.redelivery_sweep",
                SweepSubject,
                $"since {since:O}: {log.Count} attempts, {failed.Count} failed, {stored.Count} already stored, " +
                    $"{requested} redelivery requested, {requestsFailed} request(s) failed"),
            cancellationToken);
        LogSwept(since, failed.Count, stored.Count, requested, requestsFailed);
        return summary;
    }

    private async Task<DateTimeOffset> WindowStartAsync(DateTimeOffset now, RedeliveryOptions settings, CancellationToken cancellationToken)
    {
        var oldest = now - settings.Lookback;
        var previous = await audit.ListAsync(SweepSubject, 1, cancellationToken);
        if (previous.Count == 0)
        {
            return oldest;
        }

        var fromPrevious = previous[0].At - settings.Overlap;
        return fromPrevious > oldest ? fromPrevious : oldest;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redelivery sweep could not read the App's delivery log since {Since}: {Error}")]
    private partial void LogListFailed(DateTimeOffset since, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Asked GitHub to redeliver delivery {DeliveryId} (attempt {HookDeliveryId}, last status {StatusCode})")]
    private partial void LogRequested(string deliveryId, long hookDeliveryId, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ask GitHub to redeliver delivery {DeliveryId} (attempt {HookDeliveryId}): {Error}")]
    private partial void LogRequestFailed(string deliveryId, long hookDeliveryId, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redelivery sweep since {Since}: {Failed} failed, {Stored} already stored, {Requested} requested, {RequestsFailed} request(s) failed")]
    private partial void LogSwept(DateTimeOffset since, int failed, int stored, int requested, int requestsFailed);
}
