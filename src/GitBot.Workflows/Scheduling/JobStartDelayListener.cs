using Quartz;

namespace GitBot.Workflows.Scheduling;

/// <summary>Feeds <see cref="JobMetrics"/> from every job start of one scheduler; never vetoes or delays a job.</summary>
internal sealed class JobStartDelayListener(JobMetrics metrics, string scheduler) : IJobListener
{
    public string Name => "gitbot-metrics-" + scheduler;

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ScheduledFireTimeUtc is { } scheduled)
        {
            metrics.Started(scheduler, context.FireTimeUtc - scheduled);
        }

        return ValueTask.CompletedTask;
    }
}
