using GitBot.Core.Auditing;
using GitBot.Core.Deliveries;
using GitBot.Core.Installations;
using GitBot.Storage.Migrations;
using GitBot.Workflows.Deliveries;
using GitBot.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace GitBot.Workflows.Tests.Deliveries;

/// <summary>Stored deliveries flow through the dispatcher and the job engine into the installation tables.</summary>
public sealed class DeliveryProcessingTests
{
    private const long CodertocatInstallation = 957387;

    [Theory]
    [InlineData(WorkflowTestEnvironment.Sqlite)]
    [InlineData(WorkflowTestEnvironment.Postgres)]
    public async Task Deliveries_stored_while_nothing_dispatched_them_are_processed_after_a_restart(string provider)
    {
        await using var environment = await WorkflowTestEnvironment.CreateAsync(provider);
        var created = ExampleDeliveries.Of("installation", "created");
        var added = ExampleDeliveries.Of("installation_repositories", "added");
        var unrelated = ExampleDeliveries.Of("issues", "locked");

        // The ingress committed these and the process died before any dispatcher saw them.
        await using (var storage = await environment.StorageOnlyAsync())
        {
            var store = storage.GetRequiredService<IDeliveryStore>();
            foreach (var delivery in new[] { created, added, unrelated })
            {
                Assert.Equal(DeliveryInsertOutcome.Stored, await store.InsertAsync(delivery, CancellationToken.None));
            }
        }

        var host = await environment.StartHostAsync(WorkflowHostRole.Serve, "node-a");
        var installations = host.Services.GetRequiredService<IInstallationStore>();
        var audit = host.Services.GetRequiredService<IAuditLog>();

        await Eventually.TrueAsync(
            async () => (await AuditedAsync(audit, "delivery.processed")).IsSupersetOf([created.DeliveryId, added.DeliveryId]),
            "both installation deliveries to be processed");
        var installation = await installations.GetInstallationAsync(CodertocatInstallation, CancellationToken.None);
        Assert.NotNull(installation);
        Assert.Equal("Codertocat", installation.AccountLogin);
        Assert.False(installation.Suspended);
        var repositories = await installations.ListRepositoriesAsync(CodertocatInstallation, CancellationToken.None);
        Assert.Equal(["Codertocat/Hello-World", "Codertocat/Space"], repositories.Select(r => r.FullName).Order().ToArray());

        // An event no handler acts on is marked dispatched without a job, and the audit says so.
        await Eventually.TrueAsync(
            async () => (await audit.ListAsync(DeliveryDispatcher.IgnoredSubject, 100, CancellationToken.None))
                .Any(e => e.Action == DeliveryDispatcher.IgnoredAction && e.Details!.Contains(unrelated.DeliveryId, StringComparison.Ordinal)),
            "the issues delivery to be audited as ignored");
        Assert.DoesNotContain(unrelated.DeliveryId, await AuditedAsync(audit, "delivery.processed"));
        await Eventually.TrueAsync(
            async () => (await host.Services.GetRequiredService<IDeliveryStore>().ListUndispatchedAsync(10, CancellationToken.None)).Count == 0,
            "every delivery to be marked dispatched");
    }

    [Theory]
    [InlineData(WorkflowTestEnvironment.Sqlite)]
    [InlineData(WorkflowTestEnvironment.Postgres)]
    public async Task A_signalled_delivery_is_processed_and_installation_lifecycle_events_update_the_tables(string provider)
    {
        await using var environment = await WorkflowTestEnvironment.CreateAsync(provider);
        // A poll interval far beyond the test's deadline: only the signal can wake the dispatcher in time.
        var host = await environment.StartHostAsync(
            WorkflowHostRole.Serve, "node-a", settings: new Dictionary<string, string?> { ["Dispatcher:PollInterval"] = "01:00:00" });
        var installations = host.Services.GetRequiredService<IInstallationStore>();
        const long octocat = 2;

        // The "deleted" example's installation (octocat, id 2), first as created, then suspended, then deleted.
        var lifecycle = new List<WebhookDelivery>();
        foreach (var action in new[] { "created", "suspend", "deleted" })
        {
            var payload = ExampleDeliveries.Example("installation", "deleted");
            payload["action"] = action;
            lifecycle.Add(ExampleDeliveries.From("installation", payload));
        }

        var audit = host.Services.GetRequiredService<IAuditLog>();
        await ProcessAsync(host, audit, lifecycle[0]);
        var created = await installations.GetInstallationAsync(octocat, CancellationToken.None);
        Assert.NotNull(created);
        Assert.False(created.Suspended);
        Assert.Equal(["octocat/Hello-World"], (await installations.ListRepositoriesAsync(octocat, CancellationToken.None)).Select(r => r.FullName));

        await ProcessAsync(host, audit, lifecycle[1]);
        Assert.True((await installations.GetInstallationAsync(octocat, CancellationToken.None))?.Suspended, "not marked suspended");

        await ProcessAsync(host, audit, lifecycle[2]);
        Assert.Null(await installations.GetInstallationAsync(octocat, CancellationToken.None));
        Assert.Empty(await installations.ListRepositoriesAsync(octocat, CancellationToken.None));
    }

    [Fact]
    public async Task Dispatching_a_pending_delivery_again_creates_no_second_job_and_processing_again_writes_the_same_rows()
    {
        await using var environment = await WorkflowTestEnvironment.CreateAsync(WorkflowTestEnvironment.Sqlite);
        // Built, not yet started: jobs scheduled now are stored and stay pending until the host starts.
        var host = environment.BuildHost(WorkflowHostRole.Serve, "node-a");
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var removed = ExampleDeliveries.Of("installation_repositories", "removed");
        var added = ExampleDeliveries.Of("installation_repositories", "added");
        var installations = host.Services.GetRequiredService<IInstallationStore>();
        var audit = host.Services.GetRequiredService<IAuditLog>();

        // The jobs load their deliveries from the store. Marked dispatched up front so that this host's own
        // dispatcher leaves them alone and only the jobs scheduled here run.
        var store = host.Services.GetRequiredService<IDeliveryStore>();
        foreach (var delivery in new[] { removed, added })
        {
            Assert.Equal(DeliveryInsertOutcome.Stored, await store.InsertAsync(delivery, CancellationToken.None));
        }

        await store.MarkDispatchedAsync([removed.DeliveryId, added.DeliveryId], DateTimeOffset.UtcNow, CancellationToken.None);

        // A dispatcher that crashed after scheduling but before marking schedules the same delivery again while its
        // job is still pending.
        var scheduler = host.Services.GetRequiredService<DeliveryJobScheduler>();
        Assert.Equal(1, await scheduler.ScheduleAsync([added.DeliveryId], CancellationToken.None));
        Assert.Equal(0, await scheduler.ScheduleAsync([added.DeliveryId], CancellationToken.None));
        Assert.Equal(1, await scheduler.ScheduleAsync([added.DeliveryId, removed.DeliveryId], CancellationToken.None));
        await host.StartAsync();
        await Eventually.TrueAsync(
            async () => (await AuditedAsync(audit, "delivery.processed")).IsSupersetOf([added.DeliveryId, removed.DeliveryId]),
            "both jobs to run");
        var processed = (await audit.ListAsync(null, 1000, CancellationToken.None))
            .Count(e => e.Action == "delivery.processed" && e.DeliveryId == added.DeliveryId);
        Assert.Equal(1, processed);

        // Running the same delivery's processing again (a retry after a crash) leaves the same rows.
        var before = await installations.ListRepositoriesAsync(CodertocatInstallation, CancellationToken.None);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var processor = scope.ServiceProvider.GetRequiredService<DeliveryProcessor>();
            Assert.Equal(DeliveryProcessingOutcome.Processed, await processor.ProcessAsync(added, CancellationToken.None));
        }

        var after = await installations.ListRepositoriesAsync(CodertocatInstallation, CancellationToken.None);
        Assert.Equal(["Codertocat/Space"], before.Select(r => r.FullName));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_delivery_whose_handler_keeps_failing_is_retried_and_then_audited_as_failed()
    {
        await using var environment = await WorkflowTestEnvironment.CreateAsync(WorkflowTestEnvironment.Sqlite);
        var push = ExampleDeliveries.From("push", ExampleDeliveries.Example("push", null));
        // Stored and already marked dispatched: only the job scheduled below runs it, not the host's dispatcher.
        await using (var storage = await environment.StorageOnlyAsync())
        {
            var store = storage.GetRequiredService<IDeliveryStore>();
            Assert.Equal(DeliveryInsertOutcome.Stored, await store.InsertAsync(push, CancellationToken.None));
            await store.MarkDispatchedAsync([push.DeliveryId], DateTimeOffset.UtcNow, CancellationToken.None);
        }

        var host = await environment.StartHostAsync(
            WorkflowHostRole.Serve, "node-a", services => services.AddWebhookEventHandler<FailingPushHandler>());

        // The job as the dispatcher schedules it, with a trigger-level policy (one quick retry) standing in for the
        // job type's minutes-long backoff.
        var job = JobBuilder.Create<ProcessDeliveryJob>()
            .WithIdentity(DeliveryJobKeys.For(push.DeliveryId))
            .UsingJobData(DeliveryJobKeys.DeliveryIdKey, push.DeliveryId)
            .Build();
        var trigger = TriggerBuilder.Create().ForJob(job).StartNow()
            .WithRetryPolicy(RetryPolicy.Fixed(1, TimeSpan.FromMilliseconds(100)))
            .Build();
        await (await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).ScheduleJob(job, trigger);

        var audit = host.Services.GetRequiredService<IAuditLog>();
        await Eventually.TrueAsync(
            async () => (await AuditedAsync(audit, "delivery.failed")).Contains(push.DeliveryId),
            "the failure to be audited after the last retry");
        Assert.Equal(2, FailingPushHandler.AttemptsOf(push.DeliveryId));
        Assert.DoesNotContain(push.DeliveryId, await AuditedAsync(audit, "delivery.processed"));
    }

    [Fact]
    public async Task A_job_whose_delivery_is_not_stored_comes_to_Missing_without_failing_or_retrying()
    {
        await using var environment = await WorkflowTestEnvironment.CreateAsync(WorkflowTestEnvironment.Sqlite);
        var host = await environment.StartHostAsync(WorkflowHostRole.Serve, "node-a");
        var deliveryId = Guid.NewGuid().ToString();
        var listener = new JobOutcomeListener();
        var quartz = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        quartz.ListenerManager.AddJobListener(listener, [Matchers.Key(DeliveryJobKeys.For(deliveryId))]);

        Assert.Equal(1, await host.Services.GetRequiredService<DeliveryJobScheduler>().ScheduleAsync([deliveryId], CancellationToken.None));

        var runs = await Eventually.ValueAsync(() => Task.FromResult(listener.Runs), r => r.Count > 0, "the job to run");
        var run = Assert.Single(runs);
        Assert.Equal(DeliveryProcessingOutcome.Missing, run.Result);
        Assert.Null(run.Exception); // no exception: Quartz's retry policy does not run it again
        Assert.DoesNotContain(deliveryId, await AuditedAsync(host.Services.GetRequiredService<IAuditLog>(), "delivery.failed"));
    }

    /// <summary>Stores the delivery as the ingress does, signals the dispatcher, and waits until its job has run.</summary>
    private static async Task ProcessAsync(IHost host, IAuditLog audit, WebhookDelivery delivery)
    {
        var outcome = await host.Services.GetRequiredService<IDeliveryStore>().InsertAsync(delivery, CancellationToken.None);
        Assert.Equal(DeliveryInsertOutcome.Stored, outcome);
        host.Services.GetRequiredService<DeliverySignal>().Notify();
        await Eventually.TrueAsync(
            async () => (await AuditedAsync(audit, "delivery.processed")).Contains(delivery.DeliveryId),
            $"{delivery.Event}.{delivery.Action} to be processed");
    }

    private static async Task<HashSet<string>> AuditedAsync(IAuditLog audit, string action) =>
        [.. (await audit.ListAsync(null, 1000, CancellationToken.None)).Where(e => e.Action == action && e.DeliveryId is not null).Select(e => e.DeliveryId!)];
}
