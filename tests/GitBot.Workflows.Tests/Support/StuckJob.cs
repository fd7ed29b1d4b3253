using System.Collections.Concurrent;
using Quartz;

namespace GitBot.Workflows.Tests.Support;

/// <summary>
/// A job that, on the node named in its data, never finishes by itself (it ignores cancellation, as a wedged agent
/// process would) until the test releases it; on any other node it completes at once. Every start is recorded.
/// </summary>
public sealed class StuckJob : IJob
{
    public const string RunKey = "run";
    public const string StuckOnKey = "stuckOn";

    private static readonly ConcurrentDictionary<string, ConcurrentQueue<(string Instance, bool Recovering)>> Starts = new();
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Gates = new();

    public static IReadOnlyList<(string Instance, bool Recovering)> StartsOf(string run) =>
        Starts.TryGetValue(run, out var list) ? [.. list] : [];

    public static void Release(string run) => Gates.GetOrAdd(run, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var run = context.MergedJobDataMap.GetString(RunKey)!;
        var instance = context.Scheduler.SchedulerInstanceId;
        Starts.GetOrAdd(run, _ => new()).Enqueue((instance, context.Recovering));
        if (instance.StartsWith(context.MergedJobDataMap.GetString(StuckOnKey)!, StringComparison.Ordinal))
        {
            await Gates.GetOrAdd(run, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }
}
