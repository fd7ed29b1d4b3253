using GitBot.Core.Deliveries;
using Quartz;

namespace GitBot.Workflows.Deliveries;

/// <summary>
/// The stored delivery as a <see cref="ProcessDeliveryJob"/> carries it in its job data. <see cref="IDeliveryStore"/>
/// has no read-by-id, so the job cannot load the delivery itself; the dispatcher copies the committed row (the
/// verified body, byte for byte, as base64) into the job when it schedules it. The job store row is written in the
/// same database, so the copy is as durable as the original.
/// </summary>
public static class DeliveryJobData
{
    private const string Event = "event";
    private const string Action = "action";
    private const string Installation = "installationId";
    private const string Repository = "repository";
    private const string Payload = "payload";
    private const string ReceivedAt = "receivedAtMs";

    public static JobDataMap From(WebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var map = new JobDataMap
        {
            [DeliveryJobKeys.DeliveryIdKey] = delivery.DeliveryId,
            [Event] = delivery.Event,
            [Payload] = Convert.ToBase64String(delivery.Payload.Span),
            [ReceivedAt] = delivery.ReceivedAt.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (delivery.Action is not null)
        {
            map[Action] = delivery.Action;
        }

        if (delivery.InstallationId is { } installation)
        {
            map[Installation] = installation.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (delivery.RepositoryFullName is not null)
        {
            map[Repository] = delivery.RepositoryFullName;
        }

        return map;
    }

    /// <summary>The delivery the job carries, or null when the job data is not a delivery (a wiring bug).</summary>
    public static WebhookDelivery? Read(JobDataMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (map.GetString(DeliveryJobKeys.DeliveryIdKey) is not { } id || map.GetString(Event) is not { } eventName ||
            map.GetString(Payload) is not { } payload || !long.TryParse(map.GetString(ReceivedAt), out var receivedAt))
        {
            return null;
        }

        return new WebhookDelivery(
            id,
            eventName,
            map.GetString(Action),
            long.TryParse(map.GetString(Installation), out var installation) ? installation : null,
            map.GetString(Repository),
            Convert.FromBase64String(payload),
            DateTimeOffset.FromUnixTimeMilliseconds(receivedAt));
    }
}
