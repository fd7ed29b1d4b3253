using Microsoft.Extensions.Logging;
using Quartz;

namespace GitBot.Workflows.Deliveries;

/// <summary>
/// The job engine's shell around <see cref="DeliveryProcessor"/>: one recoverable job per delivery, keyed by
/// the delivery id (see <see cref="DeliveryJobKeys"/>), carrying the committed delivery (see <see cref="DeliveryJobData"/>).
/// A failure (an exception, e.g. the database is down) is retried by Quartz with backoff; a node that dies mid-job
/// has the job re-run by another node.
/// </summary>
[RetryPolicy(5, "00:00:05", 3.0)]
public sealed partial class ProcessDeliveryJob(DeliveryProcessor processor, ILogger<ProcessDeliveryJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var delivery = DeliveryJobData.Read(context.MergedJobDataMap);
        if (delivery is null)
        {
            LogNoDelivery(context.JobDetail.Key.Name);
            context.Result = DeliveryProcessingOutcome.Missing;
            return;
        }

        if (context.Recovering)
        {
            LogRecovering(delivery.DeliveryId);
        }

        context.Result = await processor.ProcessAsync(delivery, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: re-running a job its node did not finish")]
    private partial void LogRecovering(string deliveryId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobName} carries no delivery; nothing to process")]
    private partial void LogNoDelivery(string jobName);
}
