using GitBot.Core.Auditing;
using GitBot.Core.Deliveries;
using GitBot.GitHub.Webhooks;
using GitBot.Workflows.Scheduling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitBot.Workflows.Deliveries;

/// <summary>
/// Processes one stored delivery: parses its payload once, runs every handler that acts on its event and
/// action, and appends a <c>delivery.processed</c> audit entry carrying the delivery id. Idempotent as long as the
/// handlers are: running it twice for one delivery makes the same writes (plus a second audit line).
/// </summary>
public sealed partial class DeliveryProcessor(
    WebhookEventRouter router,
    IAuditLog audit,
    TimeProvider time,
    IOptions<SchedulerOptions> scheduler,
    ILogger<DeliveryProcessor> logger,
    DeliveryMetrics? metrics = null)
{

    public async Task<DeliveryProcessingOutcome> ProcessAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var outcome = await ProcessCoreAsync(delivery, cancellationToken);
        metrics?.Processed(delivery.Event, outcome);
        return outcome;
    }

    private async Task<DeliveryProcessingOutcome> ProcessCoreAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var deliveryId = delivery.DeliveryId;
        var handlers = router.HandlersFor(delivery.Event, delivery.Action);
        if (handlers.Count == 0)
        {
            await AppendAsync(delivery, "delivery.ignored", $"no handler for {delivery.Event}.{delivery.Action ?? "-"}", cancellationToken);
            return DeliveryProcessingOutcome.Ignored;
        }

        var parsed = WebhookPayloadParser.Parse(delivery.Event, delivery.Payload.Span);
        if (!parsed.IsParsed)
        {
            LogUnparseable(deliveryId, delivery.Event, parsed.Outcome);
            await AppendAsync(delivery, "delivery.unparseable", $"{delivery.Event}: {parsed.Outcome} {parsed.Error}", cancellationToken);
            return DeliveryProcessingOutcome.Unparseable;
        }

        var context = new WebhookEventContext(delivery, parsed.Event);
        foreach (var handler in handlers)
        {
            await handler.HandleAsync(context, cancellationToken);
        }

        await AppendAsync(
            delivery,
            "delivery.processed",
            $"{delivery.Event}.{delivery.Action ?? "-"} by {string.Join(", ", handlers.Select(h => h.GetType().Name))}",
            cancellationToken);
        LogProcessed(deliveryId, delivery.Event, delivery.Action, handlers.Count);
        return DeliveryProcessingOutcome.Processed;
    }

    private Task AppendAsync(WebhookDelivery delivery, string action, string details, CancellationToken cancellationToken) =>
        audit.AppendAsync(
            new AuditEntry(time.GetUtcNow(), scheduler.Value.NodeName, action, delivery.RepositoryFullName ?? delivery.DeliveryId, details, delivery.DeliveryId),
            cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId}: the {Event} payload could not be parsed ({Outcome}); it is not retried")]
    private partial void LogUnparseable(string deliveryId, string @event, WebhookParseOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} ({Event}.{Action}) processed by {Handlers} handler(s)")]
    private partial void LogProcessed(string deliveryId, string @event, string? action, int handlers);
}
