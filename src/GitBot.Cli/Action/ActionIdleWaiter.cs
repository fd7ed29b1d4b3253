using GitBot.Core.Deliveries;
using GitBot.Workflows.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace GitBot.Cli.Action;

/// <summary>
/// Decides when everything an event started has finished: no stored delivery waits for dispatch, and neither Quartz
/// scheduler (deliveries and bookkeeping; agent tasks) holds a trigger or runs a job. A job schedules its follow-up
/// before it ends and the dispatcher schedules before it marks, so "nothing queued and nothing running" cannot be seen
/// between two steps of one flow; it is still required on <see cref="StableRounds"/> rounds in a row, as a margin.
/// A plan waiting for approval holds no trigger, so it counts as finished for this job.
/// </summary>
internal sealed class ActionIdleWaiter(IServiceProvider services, TimeProvider time)
{
    private const int StableRounds = 3;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    /// <summary>Returns when idle; throws <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires first.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var main = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
        var tasks = await services.GetRequiredService<AgentTaskScheduler>().GetAsync(cancellationToken);
        var quiet = 0;
        while (quiet < StableRounds)
        {
            await Task.Delay(Poll, time, cancellationToken);
            quiet = await IsIdleAsync(main, tasks, cancellationToken) ? quiet + 1 : 0;
        }
    }

    private async Task<bool> IsIdleAsync(IScheduler main, IScheduler tasks, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        if ((await scope.ServiceProvider.GetRequiredService<IDeliveryStore>().ListUndispatchedAsync(1, cancellationToken)).Count > 0)
        {
            return false;
        }

        foreach (var scheduler in new[] { main, tasks })
        {
            if ((await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup(), cancellationToken)).Count > 0 ||
                (await scheduler.QueryFireInstances(new FireInstanceQuery(), cancellationToken)).Items.Count > 0)
            {
                return false;
            }
        }

        return true;
    }
}
