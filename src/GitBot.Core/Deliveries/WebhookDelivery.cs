namespace GitBot.Core.Deliveries;

/// <summary>
/// One webhook delivery as GitHub sent it, stored before anything acts on it. The payload is the raw, verified body:
/// processing always starts from this stored copy, so a delivery acknowledged just before a crash is still processed.
/// </summary>
/// <param name="DeliveryId">GitHub's <c>X-GitHub-Delivery</c> GUID; unique, the dedupe key.</param>
/// <param name="Event">GitHub's <c>X-GitHub-Event</c> name (e.g. <c>issues</c>).</param>
/// <param name="Action">The payload's top-level <c>action</c>, when it has one.</param>
/// <param name="InstallationId">The payload's <c>installation.id</c>, when present.</param>
/// <param name="RepositoryFullName">The payload's <c>repository.full_name</c>, when present.</param>
/// <param name="Payload">The raw UTF-8 JSON body, exactly as received.</param>
/// <param name="ReceivedAt">When GitBot accepted it.</param>
public sealed record WebhookDelivery(
    string DeliveryId,
    string Event,
    string? Action,
    long? InstallationId,
    string? RepositoryFullName,
    ReadOnlyMemory<byte> Payload,
    DateTimeOffset ReceivedAt);
