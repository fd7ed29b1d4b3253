using GitBot.Core.Deliveries;
using GitBot.GitHub.Webhooks;

namespace GitBot.Workflows.Deliveries;

/// <summary>What a handler is given: the stored delivery and its payload, parsed once for every handler.</summary>
/// <param name="Delivery">The delivery as stored (headers' values and raw body).</param>
/// <param name="Payload">The typed payload record produced by <c>WebhookPayloadParser</c> for this event.</param>
public sealed record WebhookEventContext(WebhookDelivery Delivery, WebhookEvent Payload)
{
    public string DeliveryId => Delivery.DeliveryId;
}
