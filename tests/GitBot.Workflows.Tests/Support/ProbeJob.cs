using System.Collections.Concurrent;
using Quartz;

namespace GitBot.Workflows.Tests.Support;

/// <summary>
/// Records every execution (job name and the scheduler instance that ran it) under the run id in its job data, so
/// tests running in parallel in one process never see each other's executions.
/// </summary>
public sealed class ProbeJob : IJob
{
    public const string RunKey = "run";

    private static readonly ConcurrentDictionary<string, ConcurrentQueue<(string Job, string Instance)>> Runs = new();

    public static IReadOnlyList<(string Job, string Instance)> ExecutionsOf(string run) =>
        Runs.TryGetValue(run, out var list) ? [.. list] : [];

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var run = context.MergedJobDataMap.GetString(RunKey)!;
        Runs.GetOrAdd(run, _ => new()).Enqueue((context.JobDetail.Key.Name, context.Scheduler.SchedulerInstanceId));
        return ValueTask.CompletedTask;
    }

    public static IJobDetail Job(string run, string name, bool recover = false) =>
        JobBuilder.Create<ProbeJob>()
            .WithIdentity(name, run)
            .UsingJobData(RunKey, run)
            .RequestRecovery(recover)
            .Build();

    public static ITrigger Now(IJobDetail job) => TriggerBuilder.Create().ForJob(job).StartNow().Build();
}
