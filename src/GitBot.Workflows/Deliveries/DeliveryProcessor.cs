using System.Diagnostics;
using GitBot.Core.Auditing;
using GitBot.Core.Deliveries;
using GitBot.Core.Observability;
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
        // Every line written while handling the delivery carries its ids; the activity joins the delivery's trace
        // (under the job's activity, or the delivery's derived root when called outside a job).
        using var scope = logger.BeginScope(ScopeOf(delivery));
        var parent = Activity.Current is null ? GitBotTelemetry.DeliveryContext(delivery.DeliveryId) : default;
        using var activity = GitBotTelemetry.Source.StartActivity("delivery.process", ActivityKind.Internal, parent);
        activity?.SetTag("deliveryId", delivery.DeliveryId).SetTag("event", delivery.Event).SetTag("action", delivery.Action)
            .SetTag("repository", delivery.RepositoryFullName).SetTag("installation", delivery.InstallationId);
        var outcome = await ProcessCoreAsync(delivery, cancellationToken);
        activity?.SetTag("outcome", outcome.ToString());
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

    private static List<KeyValuePair<string, object?>> ScopeOf(WebhookDelivery delivery) =>
    [
        new("deliveryId", delivery.DeliveryId),
        new("event", delivery.Event),
        new("action", delivery.Action),
        new("repository", delivery.RepositoryFullName),
        new("installation", delivery.InstallationId),
    ];

    private Task AppendAsync(WebhookDelivery delivery, string action, string details, CancellationToken cancellationToken) =>
        audit.AppendAsync(
            new AuditEntry(time.GetUtcNow(), scheduler.Value.NodeName, action, delivery.RepositoryFullName ?? delivery.DeliveryId, details, delivery.DeliveryId),
            cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId}: the {Event} payload could not be parsed ({Outcome}); it is not retried")]
    private partial void LogUnparseable(string deliveryId, string @event, WebhookParseOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} ({Event}.{Action}) processed by {Handlers} handler(s)")]
    private partial void LogProcessed(string deliveryId, string @event, string? action, int handlers);
}
