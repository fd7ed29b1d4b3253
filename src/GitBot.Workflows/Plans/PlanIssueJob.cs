using Quartz;

namespace GitBot.Workflows.Plans;

/// <summary>Makes the plan for an issue (<see cref="PlanningRunner"/>), on the agent-task scheduler: it may run a planner agent.</summary>
public sealed class PlanIssueJob(PlanningRunner runner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await runner.RunAsync(context.MergedJobDataMap.GetLong(PlanJobKeys.PlanIdKey), cancellationToken);
    }
}
