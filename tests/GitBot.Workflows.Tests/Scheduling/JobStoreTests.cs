using System.Data.Common;
using GitBot.Storage;
using GitBot.Workflows.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace GitBot.Workflows.Tests.Scheduling;

/// <summary>Quartz's persistent store on GitBot's own database: schema provisioning and a job that runs.</summary>
public sealed class JobStoreTests
{
    [Theory]
    [InlineData(WorkflowTestEnvironment.Sqlite)]
    [InlineData(WorkflowTestEnvironment.Postgres)]
    public async Task Quartz_provisions_its_schema_in_the_GitBot_database_and_runs_a_scheduled_job(string provider)
    {
        await using var environment = await WorkflowTestEnvironment.CreateAsync(provider);
        var host = await environment.StartHostAsync(WorkflowHostRole.Serve, "node-a", s => s.AddTransient<ProbeJob>());
        var database = host.Services.GetRequiredService<ResolvedDatabase>();

        // Quartz's tables sit beside GitBot's in the one database.
        Assert.True(await TableExistsAsync(database, "qrtz_job_details"), "qrtz_job_details is missing");
        Assert.True(await TableExistsAsync(database, "webhook_deliveries"), "webhook_deliveries is missing");

        var run = Guid.NewGuid().ToString("N");
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var job = ProbeJob.Job(run, "hello");
        await scheduler.ScheduleJob(job, ProbeJob.Now(job));

        await Eventually.TrueAsync(() => ProbeJob.ExecutionsOf(run).Count == 1, "the job to run");
        Assert.Equal(provider == WorkflowTestEnvironment.Postgres, scheduler.SchedulerInstanceId != "NON_CLUSTERED");
    }

    [Fact]
    public async Task A_job_scheduled_before_a_restart_runs_after_it()
    {
        await using var environment = await WorkflowTestEnvironment.CreateAsync(WorkflowTestEnvironment.Sqlite);
        var run = Guid.NewGuid().ToString("N");

        // First life: the job is stored paused (so it cannot run yet), then the process goes away.
        var first = await environment.StartHostAsync(WorkflowHostRole.Serve, "node-a", s => s.AddTransient<ProbeJob>());
        var scheduler = await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var job = ProbeJob.Job(run, "survivor");
        await scheduler.ScheduleJob(job, ProbeJob.Now(job), new ScheduleJobOptions { Paused = true });
        await first.StopAsync();
        Assert.Empty(ProbeJob.ExecutionsOf(run));

        // Second life: the stored job is still there and runs once resumed.
        var second = await environment.StartHostAsync(WorkflowHostRole.Serve, "node-a", s => s.AddTransient<ProbeJob>());
        var again = await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.True(await again.Exists(job.Key), "the job did not survive the restart");
        await again.ResumeJob(job.Key);
        await Eventually.TrueAsync(() => ProbeJob.ExecutionsOf(run).Count == 1, "the stored job to run after the restart");
    }

    private static async Task<bool> TableExistsAsync(ResolvedDatabase database, string table)
    {
        await using DbConnection connection = database.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(database.ConnectionString)
            : new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = database.Provider == DatabaseProvider.Postgres
            ? $"SELECT COUNT(*) FROM information_schema.tables WHERE lower(table_name) = '{table}'"
            : $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND lower(name) = '{table}'";
        return Convert.ToInt64(await command.ExecuteScalarAsync()) == 1;
    }
}
