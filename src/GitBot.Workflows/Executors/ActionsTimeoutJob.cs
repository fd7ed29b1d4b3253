using GitBot.Workflows.Plans;
using Quartz;

namespace GitBot.Workflows.Executors;

/// <summary>
/// Fires at a dispatched attempt's deadline: when no outcome was taken by then, the attempt fails (retryable) saying
/// the runner did not report in time. Durable and recoverable like every plan job, so a restart does not lose it.
/// </summary>
public sealed class ActionsTimeoutJob(RunnerCallbackHandler callbacks) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        await callbacks.TimeOutAsync(
            data.GetLong(PlanJobKeys.PlanIdKey),
            data.GetString(PlanJobKeys.TaskIdKey) ?? string.Empty,
            data.GetInt(PlanJobKeys.AttemptKey),
            cancellationToken);
    }
}
