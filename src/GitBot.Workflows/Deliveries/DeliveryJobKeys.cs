using Quartz;

namespace GitBot.Workflows.Deliveries;

/// <summary>
/// Names of delivery jobs in the job store. The job key is the delivery id, so a delivery has one pending job at
/// most, whichever node schedules it and however often.
/// </summary>
public static class DeliveryJobKeys
{
    public const string Group = "deliveries";

    /// <summary>Job data key holding the delivery id: the only data a delivery job carries.</summary>
    public const string DeliveryIdKey = "deliveryId";

    public static JobKey For(string deliveryId) => new(deliveryId, Group);

    public static TriggerKey TriggerFor(string deliveryId) => new(deliveryId, Group);
}
