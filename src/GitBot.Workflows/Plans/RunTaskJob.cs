using Quartz;

namespace GitBot.Workflows.Plans;

/// <summary>
/// One run attempt of one task, on the agent-task scheduler (one of this node's agent slots). The job carries only
/// ids; everything else is read from the plan store when it runs. Recoverable: if the node dies mid-run, another node
/// runs it again and <see cref="TaskRunner"/> resumes the attempt without repeating finished steps.
/// </summary>
public sealed class RunTaskJob(TaskRunner runner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        await runner.RunAsync(
            data.GetLong(PlanJobKeys.PlanIdKey),
            data.GetString(PlanJobKeys.TaskIdKey) ?? string.Empty,
            data.GetInt(PlanJobKeys.AttemptKey),
            cancellationToken);
    }
}
