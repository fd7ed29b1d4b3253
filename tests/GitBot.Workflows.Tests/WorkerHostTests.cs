using GitBot.Core.Auditing;
using GitBot.Core.Deliveries;
using GitBot.Storage.Migrations;
using GitBot.Workflows.Deliveries;
using GitBot.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GitBot.Workflows.Tests;

/// <summary>The <c>gitbot worker</c> host: a worker node takes jobs from the shared queue and dispatches nothing itself.</summary>
public sealed class WorkerHostTests
{
    [Fact]
    public async Task A_worker_node_runs_delivery_jobs_from_the_shared_queue_and_does_not_dispatch()
    {
        await using var environment = await WorkflowTestEnvironment.CreateAsync(WorkflowTestEnvironment.Postgres);
        var delivery = ExampleDeliveries.Of("installation", "created");
        await using (var storage = await environment.StorageOnlyAsync())
        {
            Assert.Equal(DeliveryInsertOutcome.Stored, await storage.GetRequiredService<IDeliveryStore>().InsertAsync(delivery, CancellationToken.None));
        }

        using var worker = WorkerHost.Build(environment.Configuration(new Dictionary<string, string?> { ["Scheduler:NodeName"] = "worker-1" }));
        await worker.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await worker.StartAsync();
        try
        {
            Assert.Empty(worker.Services.GetServices<IHostedService>().OfType<DeliveryDispatcher>());

            // What a serve node's dispatcher does: hand the stored delivery to the shared queue.
            await worker.Services.GetRequiredService<DeliveryJobScheduler>().ScheduleAsync([delivery.DeliveryId], CancellationToken.None);
            var audit = worker.Services.GetRequiredService<IAuditLog>();
            var processed = await Eventually.ValueAsync(
                async () => (await audit.ListAsync(null, 100, CancellationToken.None))
                    .FirstOrDefault(e => e.Action == "delivery.processed" && e.DeliveryId == delivery.DeliveryId),
                e => e is not null,
                "the worker to process the delivery");
            Assert.Equal("worker-1", processed!.Actor);

            // Nothing on a worker marks deliveries dispatched: that is a serve node's job.
            var undispatched = await worker.Services.GetRequiredService<IDeliveryStore>().ListUndispatchedAsync(10, CancellationToken.None);
            Assert.Contains(undispatched, d => d.DeliveryId == delivery.DeliveryId);
        }
        finally
        {
            await worker.StopAsync();
        }
    }

    [Fact]
    public async Task A_worker_on_SQLite_is_refused_with_a_plain_reason()
    {
        await using var environment = await WorkflowTestEnvironment.CreateAsync(WorkflowTestEnvironment.Sqlite);
        var error = Assert.Throws<InvalidOperationException>(() => WorkerHost.Build(environment.Configuration()));
        Assert.Contains("PostgreSQL", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await WorkerHost.RunAsync(environment.Configuration(), CancellationToken.None));
    }
}
