using GitBot.Core.Auditing;
using Microsoft.Extensions.Logging;
using Quartz;

namespace GitBot.Workflows.Deliveries;

/// <summary>
/// The job engine's shell around <see cref="DeliveryProcessor"/>: one recoverable job per delivery, keyed by the
/// delivery id (see <see cref="DeliveryJobKeys"/>), carrying the committed delivery (see <see cref="DeliveryJobData"/>).
/// A failure (an exception, e.g. the database is down) is retried by Quartz with backoff (5 s, 15 s, 45 s, 135 s,
/// 405 s); the last failure is audited as <c>delivery.failed</c>. A node that dies mid-job has the job re-run by
/// another node.
/// </summary>
[RetryPolicy(5, "00:00:05", 3.0)]
public sealed partial class ProcessDeliveryJob(
    DeliveryProcessor processor,
    IAuditLog audit,
    TimeProvider time,
    ILogger<ProcessDeliveryJob> logger) : IJob
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

        try
        {
            context.Result = await processor.ProcessAsync(delivery, cancellationToken);
        }
        catch (Exception ex) when (IsLastAttempt(context) && ex is not OperationCanceledException)
        {
            LogGaveUp(delivery.DeliveryId, context.RetryAttempt, ex);
            await TryAuditFailureAsync(delivery.DeliveryId, ex, cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobName} carries no delivery; nothing to process")]
    private partial void LogNoDelivery(string jobName);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId}: processing failed on attempt {Retry} of the retry policy; giving up")]
    private partial void LogGaveUp(string deliveryId, int retry, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId}: could not audit the failure")]
    private partial void LogAuditFailed(string deliveryId, Exception exception);
}
