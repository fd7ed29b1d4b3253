using Quartz;

namespace GitBot.Workflows.Deliveries;

/// <summary>
/// Hands deliveries to the job engine as recoverable <see cref="ProcessDeliveryJob"/>s keyed by delivery id.
/// Guarantee: a delivery has at most one pending or running job. Scheduling it again while one exists (a dispatcher
/// that crashed between scheduling and marking, or two dispatchers on two nodes) finds that job and counts it as done.
/// The job carries only the delivery id (under <see cref="DeliveryJobKeys.DeliveryIdKey"/>); it loads the committed
/// delivery from the delivery store when it runs, so the job store never holds a second copy of a payload. The job is
/// not durable: Quartz deletes it once it has run, so the job store does not grow with every delivery ever received. A re-dispatch after the job finished (only possible when the
/// process died in the moment between scheduling and marking) runs the delivery's idempotent handlers again.
/// </summary>
public sealed class DeliveryJobScheduler(ISchedulerFactory schedulerFactory)
{
    /// <summary>Schedules a job for each stored delivery id; returns how many were new (the rest already had one).</summary>
    public async Task<int> ScheduleAsync(IReadOnlyCollection<string> deliveryIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveryIds);
        if (deliveryIds.Count == 0)
        {
            return 0;
        }

        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var batch = deliveryIds
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(BuildJob, id => (IReadOnlyCollection<ITrigger>)[BuildTrigger(id)]);
        try
        {
            // One store operation for the whole batch; it stores nothing if any key exists.
            await scheduler.ScheduleJobs(batch, cancellationToken: cancellationToken);
            return batch.Count;
        }
        catch (ObjectAlreadyExistsException)
        {
            // Some were scheduled before (a redispatch after a crash): fall back to one at a time.
        }

        var created = 0;
        foreach (var (job, triggers) in batch)
        {
            try
            {
                await scheduler.ScheduleJob(job, triggers, cancellationToken: cancellationToken);
                created++;
            }
            catch (ObjectAlreadyExistsException)
            {
                // Already scheduled: the existing job processes this delivery.
            }
        }

        return created;
    }

    private static IJobDetail BuildJob(string deliveryId) =>
        JobBuilder.Create<ProcessDeliveryJob>()
            .WithIdentity(DeliveryJobKeys.For(deliveryId))
            .UsingJobData(DeliveryJobKeys.DeliveryIdKey, deliveryId)
            .RequestRecovery()
            .Build();

    private static ITrigger BuildTrigger(string deliveryId) =>
        TriggerBuilder.Create()
            .WithIdentity(DeliveryJobKeys.TriggerFor(deliveryId))
            .ForJob(DeliveryJobKeys.For(deliveryId))
            .StartNow()
            .Build();
}
