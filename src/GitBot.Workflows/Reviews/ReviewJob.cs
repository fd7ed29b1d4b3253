using Quartz;

namespace GitBot.Workflows.Reviews;

/// <summary>
/// One attempt of one review agent on one head, on the agent-task scheduler (an agent slot: the tests agent runs a
/// test suite). Carries only ids; recoverable, so a node that dies mid-review has it re-run by another.
/// </summary>
public sealed class ReviewJob(ReviewRunner runner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        await runner.RunAsync(data.GetLong(ReviewJobKeys.RunIdKey), data.GetInt(ReviewJobKeys.AttemptKey), cancellationToken);
    }
}
