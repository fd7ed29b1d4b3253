using System.Net;
using GitBot.Server.Observability;
using GitBot.Workflows.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace GitBot.Server.Tests.Observability;

public sealed class QueueMetricsTests
{
    [Fact]
    public async Task The_queue_gauges_show_due_jobs_per_scheduler_and_the_alive_nodes()
    {
        var settings = TestServer.ConfiguredApp();
        // No agent slots: this node never starts the agent-task scheduler, so what is scheduled there stays queued.
        settings["Scheduler:AgentSlots"] = "0";
        await using var server = await TestServer.StartAsync(TestServer.Sqlite, settings);

        var idle = await ScrapeAsync(server);
        Assert.Equal("gauge", idle.TypeOf("gitbot_job_queue_depth"));
        Assert.True(idle.Has("gitbot_job_queue_depth"));
        Assert.Equal(0, idle.Sum("gitbot_job_queue_depth", ("scheduler", AgentTaskScheduler.SchedulerName)));
        Assert.Equal(0, idle.Sum("gitbot_jobs_running", ("scheduler", QuartzConfiguration.SchedulerName)));
        Assert.True(idle.Has("gitbot_jobs_running"));
        // This server's own heartbeat.
        Assert.Equal(1, idle.Sum("gitbot_worker_nodes_alive"));
        Assert.Equal(0, idle.Sum("gitbot_metrics_scrape_errors_total"));

        var tasks = await server.App.Services.GetRequiredService<AgentTaskScheduler>().GetAsync(CancellationToken.None);
        foreach (var name in new[] { "queued-1", "queued-2" })
        {
            await tasks.ScheduleJob(
                JobBuilder.Create<NeverRunJob>().WithIdentity(name, "queue-metrics").Build(),
                TriggerBuilder.Create().WithIdentity(name, "queue-metrics").StartAt(DateTimeOffset.UtcNow.AddSeconds(-1)).Build());
        }

        var queued = await ScrapeAsync(server);
        Assert.Equal(2, queued.Sum("gitbot_job_queue_depth", ("scheduler", AgentTaskScheduler.SchedulerName)));
        Assert.Equal(0, queued.Sum("gitbot_job_queue_depth", ("scheduler", QuartzConfiguration.SchedulerName)));
    }

    [Fact]
    public async Task A_database_error_leaves_the_gauges_out_and_counts_the_failed_scrape()
    {
        await using var server = await TestServer.StartAsync(TestServer.Postgres, TestServer.ConfiguredApp());
        Assert.True((await ScrapeAsync(server)).Has("gitbot_worker_nodes_alive"));

        await server.ScalarAsync<object>("ALTER TABLE worker_nodes RENAME TO worker_nodes_away");
        var failed = await ScrapeAsync(server);
        Assert.False(failed.Has("gitbot_job_queue_depth"));
        Assert.False(failed.Has("gitbot_worker_nodes_alive"));
        Assert.Equal(1, failed.Sum("gitbot_metrics_scrape_errors_total"));

        await server.ScalarAsync<object>("ALTER TABLE worker_nodes_away RENAME TO worker_nodes");
        var back = await ScrapeAsync(server);
        Assert.True(back.Has("gitbot_job_queue_depth"));
        Assert.Equal(1, back.Sum("gitbot_metrics_scrape_errors_total"));
    }

    private static async Task<PrometheusText> ScrapeAsync(TestServer server)
    {
        using var response = await server.Client.GetAsync(new Uri(ObservabilityEndpoints.MetricsRoute, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PrometheusText.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Stored on a scheduler that is never started in these tests.</summary>
    internal sealed class NeverRunJob : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
