using GitBot.Core.Auditing;
using GitBot.Core.Deliveries;
using Microsoft.Extensions.Logging;
using Quartz;

namespace GitBot.Workflows.Deliveries;

/// <summary>
/// The job engine's shell around <see cref="DeliveryProcessor"/>: one recoverable job per delivery, keyed by the
/// delivery id (see <see cref="DeliveryJobKeys"/>), whose data is only that id; the job loads the committed delivery
/// from <see cref="IDeliveryStore"/> when it runs. A delivery that is not stored (or a job without an id) comes to
/// <see cref="DeliveryProcessingOutcome.Missing"/>, logged and not retried: no retry can make it appear. A failure
/// (an exception, e.g. the database is down while loading or processing) is retried by Quartz with backoff (5 s, 15 s,
/// 45 s, 135 s, 405 s); the last failure is audited as <c>delivery.failed</c>. A node that dies mid-job has the job
/// re-run by another node.
/// </summary>
[RetryPolicy(5, "00:00:05", 3.0)]
public sealed partial class ProcessDeliveryJob(
    DeliveryProcessor processor,
    IDeliveryStore deliveries,
    IAuditLog audit,
    TimeProvider time,
    ILogger<ProcessDeliveryJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.MergedJobDataMap.GetString(DeliveryJobKeys.DeliveryIdKey) is not { Length: > 0 } deliveryId)
        {
            LogNoDeliveryId(context.JobDetail.Key.Name);
            context.Result = DeliveryProcessingOutcome.Missing;
            return;
        }

        if (context.Recovering)
        {
            LogRecovering(deliveryId);
        }

        try
        {
            // A database failure here throws, like one during processing, so the retry policy applies to both.
            var delivery = await deliveries.GetAsync(deliveryId, cancellationToken);
            if (delivery is null)
            {
                LogNotStored(deliveryId);
                context.Result = DeliveryProcessingOutcome.Missing;
                return;
            }

            context.Result = await processor.ProcessAsync(delivery, cancellationToken);
        }
        catch (Exception ex) when (IsLastAttempt(context) && ex is not OperationCanceledException)
        {
            LogGaveUp(deliveryId, context.RetryAttempt, ex);
            await TryAuditFailureAsync(deliveryId, ex, cancellationToken);
            throw;
        }
    }

    private static bool IsLastAttempt(IJobExecutionContext context) =>
        context.RetryPolicy is not { } policy || context.RetryAttempt >= policy.MaxAttempts;

    private async Task TryAuditFailureAsync(string deliveryId, Exception failure, CancellationToken cancellationToken)
    {
        try
        {
            await audit.AppendAsync(
                new AuditEntry(time.GetUtcNow(), "gitbot", "delivery.failed", deliveryId,
                    $"gave up after retries: {failure.GetType().Name}", deliveryId),
                cancellationToken);
        }
#pragma warning disable CA1031 // Best effort: the failure being reported may be the database itself; the log has it.
        catch (Exception auditFailure)
#pragma warning restore CA1031
        {
            LogAuditFailed(deliveryId, auditFailure);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: re-running a job its node did not finish")]
    private partial void LogRecovering(string deliveryId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobName} carries no delivery id; nothing to process")]
    private partial void LogNoDeliveryId(string jobName);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId}: its job ran but the delivery is not stored; nothing to process")]
    private partial void LogNotStored(string deliveryId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId}: processing failed on attempt {Retry} of the retry policy; giving up")]
    private partial void LogGaveUp(string deliveryId, int retry, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId}: could not audit the failure")]
    private partial void LogAuditFailed(string deliveryId, Exception exception);
}
