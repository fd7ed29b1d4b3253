using GitBot.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace GitBot.Workflows.Tests.Scheduling;

/// <summary>Several nodes on one PostgreSQL database share one queue; a dead node's recoverable job is re-run.</summary>
public sealed class ClusteringTests
{
    [Fact]
    public async Task Two_nodes_on_one_database_run_each_of_many_jobs_exactly_once()
    {
        await using var environment = await WorkflowTestEnvironment.CreateAsync(WorkflowTestEnvironment.Postgres);
        var nodeA = await environment.StartHostAsync(WorkflowHostRole.Worker, "node-a", s => s.AddTransient<ProbeJob>());
        var nodeB = await environment.StartHostAsync(WorkflowHostRole.Worker, "node-b", s => s.AddTransient<ProbeJob>());
        var schedulerA = await SchedulerOf(nodeA);
        var schedulerB = await SchedulerOf(nodeB);
        Assert.NotEqual(schedulerA.SchedulerInstanceId, schedulerB.SchedulerInstanceId);

        const int count = 60;
        var run = Guid.NewGuid().ToString("N");
        for (var i = 0; i < count; i++)
        {
            // Half the jobs are scheduled through each node: where a job is scheduled does not decide where it runs.
            var job = ProbeJob.Job(run, $"job-{i}");
            await (i % 2 == 0 ? schedulerA : schedulerB).ScheduleJob(job, ProbeJob.Now(job));
        }

        await Eventually.TrueAsync(() => ProbeJob.ExecutionsOf(run).Count >= count, $"{count} executions");
        // Let any duplicate execution surface before counting (a duplicate would come from a second node's pick-up).
        await Task.Delay(TimeSpan.FromSeconds(2));

        var executions = ProbeJob.ExecutionsOf(run);
        Assert.Equal(count, executions.Count);
        Assert.Equal(count, executions.Select(e => e.Job).Distinct().Count());
        Assert.All(executions, e => Assert.Contains(e.Instance, new[] { schedulerA.SchedulerInstanceId, schedulerB.SchedulerInstanceId }));
    }

    [Fact]
    public async Task A_recoverable_job_of_a_node_that_died_mid_job_is_rerun_by_another_node()
    {
        await using var environment = await WorkflowTestEnvironment.CreateAsync(WorkflowTestEnvironment.Postgres);
        var doomed = await environment.StartHostAsync(WorkflowHostRole.Worker, "doomed", s => s.AddTransient<StuckJob>());
        var doomedScheduler = await SchedulerOf(doomed);

        var run = Guid.NewGuid().ToString("N");
        var job = JobBuilder.Create<StuckJob>()
            .WithIdentity("wedged", run)
            .UsingJobData(StuckJob.RunKey, run)
            .UsingJobData(StuckJob.StuckOnKey, "doomed-")
            .RequestRecovery()
            .Build();
        await doomedScheduler.ScheduleJob(job, TriggerBuilder.Create().ForJob(job).StartNow().Build());
        await Eventually.TrueAsync(() => StuckJob.StartsOf(run).Count == 1, "the job to start on the doomed node");

        // The node dies: its scheduler stops without finishing (or cancelling) the running job and never checks in again.
        await doomedScheduler.Shutdown(waitForJobsToComplete: false);

        var survivor = await environment.StartHostAsync(WorkflowHostRole.Worker, "survivor", s => s.AddTransient<StuckJob>());
        var survivorId = (await SchedulerOf(survivor)).SchedulerInstanceId;
        try
        {
            var starts = await Eventually.ValueAsync(
                () => Task.FromResult(StuckJob.StartsOf(run)),
                s => s.Count >= 2,
                "the survivor to recover the job");
            Assert.Equal(2, starts.Count);
            Assert.Equal(survivorId, starts[1].Instance);
            Assert.True(starts[1].Recovering, "the second run was not a recovery");
        }
        finally
        {
            StuckJob.Release(run);
        }
    }

    private static Task<IScheduler> SchedulerOf(IHost host) =>
        host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler().AsTask();
}
