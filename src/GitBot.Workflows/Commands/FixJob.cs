using Quartz;

namespace GitBot.Workflows.Commands;

/// <summary>
/// One <c>/agent fix</c> on the agent-task scheduler. The job carries only the <see cref="FixRequest"/>; recoverable,
/// and safe to run again (see <see cref="FixRunner"/>).
/// </summary>
public sealed class FixJob(FixRunner runner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await runner.RunAsync(FixJobKeys.Read(context.MergedJobDataMap), cancellationToken);
    }
}
