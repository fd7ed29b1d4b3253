using System.Collections.Concurrent;
using GitBot.Core.Scheduling;
using GitBot.Storage.Scheduling;
using GitBot.Storage.Tests.Plans;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using static GitBot.Storage.Tests.Plans.PlanTestData;

namespace GitBot.Storage.Tests.Scheduling;

public sealed class ClusterStatusStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Before_Quartz_provisions_its_tables_the_status_has_no_jobs(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var status = await new SqlClusterStatusStore(db.Connections, TimeProvider.System, TimeSpan.FromSeconds(15)).GetAsync(None);

        Assert.Empty(status.Queued);
        Assert.Empty(status.Running);
        Assert.Empty(status.Nodes);
        Assert.Equal(0, status.QueueDepth);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Queue_depth_counts_due_waiting_triggers_and_running_lists_executing_jobs(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gateKey = Guid.NewGuid().ToString("N");
        BlockingJob.Gates[gateKey] = (started, gate);
        var (scheduler, services) = await NewSchedulerAsync(db, "Status.Test");
        try
        {
            var store = new SqlClusterStatusStore(db.Connections, TimeProvider.System, TimeSpan.FromSeconds(15));
            // Provisioned, nothing scheduled: no scheduler has triggers yet.
            Assert.Empty((await store.GetAsync(None)).Queued);

            // The scheduler is in standby, so two due jobs wait; one scheduled an hour ahead is not due.
            await ScheduleAsync(scheduler, "due-1", gateKey, DateTimeOffset.UtcNow.AddSeconds(-1));
            await ScheduleAsync(scheduler, "due-2", "", DateTimeOffset.UtcNow.AddMilliseconds(-500));
            await ScheduleAsync(scheduler, "later", "", DateTimeOffset.UtcNow.AddHours(1));

            var waiting = await store.GetAsync(None);
            Assert.Equal([new QueuedJobs("Status.Test", 2)], waiting.Queued);
            Assert.Equal(2, waiting.QueueDepth);
            Assert.Empty(waiting.Running);

            await scheduler.Start(None);
            await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
            var running = await store.GetAsync(None);
            var job = Assert.Single(running.Running);
            Assert.Equal(("Status.Test", "status", "due-1", scheduler.SchedulerInstanceId), (job.Scheduler, job.JobGroup, job.JobName, job.InstanceId));
            Assert.InRange(job.FiredAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
            // One slot: due-1 (the earlier) holds it, so due-2 is still queued.
            Assert.Equal([new QueuedJobs("Status.Test", 1)], running.Queued);

            gate.SetResult();
        }
        finally
        {
            gate.TrySetResult();
            await scheduler.Shutdown(waitForJobsToComplete: true, None);
            BlockingJob.Gates.TryRemove(gateKey, out _);
            await services.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task A_node_is_alive_when_seen_within_the_window_and_not_stopped(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var nodes = new SqlWorkerNodeStore(db.Connections);
        var time = new ManualTime(T0);
        var store = new SqlClusterStatusStore(db.Connections, time, TimeSpan.FromSeconds(15));
        var a = new WorkerNodeHeartbeat("a-1", "node-a", "serve", 4, 2, "", T0.AddMinutes(-5));
        var b = new WorkerNodeHeartbeat("b-1", "node-b", "worker", 2, 8, "gpu,large", T0.AddMinutes(-5));
        var c = new WorkerNodeHeartbeat("c-1", "node-c", "worker", 1, 1, "", T0.AddMinutes(-5));

        await nodes.BeatAsync(a, T0.AddMinutes(-1), None);
        await nodes.BeatAsync(a, T0.AddSeconds(-3), None); // the second beat refreshes the same row
        await nodes.BeatAsync(b, T0.AddSeconds(-16), None); // three check-ins late: dead
        await nodes.BeatAsync(c, T0.AddSeconds(-1), None);
        Assert.True(await nodes.StopAsync("c-1", T0, None)); // stopped cleanly: not alive however recent
        Assert.False(await nodes.StopAsync("unknown", T0, None));

        var status = await store.GetAsync(None);
        Assert.Equal(["node-a", "node-b", "node-c"], status.Nodes.Select(n => n.Node));
        Assert.Equal([true, false, false], status.Nodes.Select(n => n.Alive));
        Assert.Equal(1, status.AliveNodes);
        Assert.Equal(new WorkerNode("node-b", "b-1", "worker", 2, 8, "gpu,large", Ms(T0.AddMinutes(-5)), Ms(T0.AddSeconds(-16)), null, false), status.Nodes[1]);
        Assert.Equal(Ms(T0), status.Nodes[2].StoppedAt);
        Assert.Equal(Ms(T0.AddSeconds(-3)), status.Nodes[0].LastSeen);

        // A stopped instance that beats again (it did not really stop) is alive again.
        await nodes.BeatAsync(c, T0, None);
        Assert.Equal(2, (await store.GetAsync(None)).AliveNodes);
        Assert.Equal(3L, await db.ScalarAsync("SELECT COUNT(*) FROM worker_nodes"));
    }

    /// <summary>A real Quartz scheduler on the test database, in standby (nothing runs until the test starts it).</summary>
    private static async Task<(IScheduler Scheduler, ServiceProvider Services)> NewSchedulerAsync(TestDatabase db, string name)
    {
        var services = new ServiceCollection();
        services.AddTransient<BlockingJob>();
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = name);
            quartz.UseDefaultThreadPool(1);
            quartz.UsePersistentStore(store =>
            {
                if (db.Database.Provider == DatabaseProvider.Postgres)
                {
                    store.UsePostgres(db.Database.ConnectionString);
                }
                else
                {
                    store.UseSqlite(db.Database.ConnectionString);
                }

                store.ProvisionSchema();
                store.UseSystemTextJsonSerializer();
            });
        });
        var provider = services.BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        return (scheduler, provider);
    }

    private static async Task ScheduleAsync(IScheduler scheduler, string name, string gateKey, DateTimeOffset at) =>
        await scheduler.ScheduleJob(
            JobBuilder.Create<BlockingJob>().WithIdentity(name, "status").UsingJobData(BlockingJob.GateKey, gateKey).Build(),
            TriggerBuilder.Create().WithIdentity(name, "status").StartAt(at).Build());

    /// <summary>A job that holds its slot until the test opens its gate (jobs without a gate end at once).</summary>
    internal sealed class BlockingJob : IJob
    {
        public const string GateKey = "gate";

        public static readonly ConcurrentDictionary<string, (TaskCompletionSource Started, TaskCompletionSource Gate)> Gates = new(StringComparer.Ordinal);

        public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            if (Gates.TryGetValue(context.MergedJobDataMap.GetString(GateKey) ?? "", out var gate))
            {
                gate.Started.TrySetResult();
                await gate.Gate.Task.WaitAsync(cancellationToken);
            }
        }
    }
}
