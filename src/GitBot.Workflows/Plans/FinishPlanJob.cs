using Quartz;

namespace GitBot.Workflows.Plans;

/// <summary>Ends a plan whose tasks are all finished (<see cref="PlanFinisher"/>).</summary>
public sealed class FinishPlanJob(PlanFinisher finisher) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await finisher.FinishAsync(context.MergedJobDataMap.GetLong(PlanJobKeys.PlanIdKey), cancellationToken);
    }
}
