using System.Text;
using GitBot.Core.Auditing;
using GitBot.Core.Deliveries;
using GitBot.Simulator;
using GitBot.Testing;
using GitBot.Workflows.Redelivery;
using GitBot.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GitBot.Workflows.Tests.Redelivery;

/// <summary>
/// The sweep against the GitHub simulator's real delivery log: a delivery that failed while GitBot was unreachable
/// and that GitBot never stored is redelivered exactly once; one GitBot stored anyway is left alone.
/// </summary>
public sealed class RedeliverySweepTests
{
    [Fact]
    public async Task A_failed_unstored_delivery_is_redelivered_once_and_a_stored_one_is_not()
    {
        await using var simulator = await GitHubSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
        var port = FreePort.Next();
        var (lost, storedAnyway) = await TwoFailedDeliveriesAsync(simulator, port);

        await using var environment = await WorkflowTestEnvironment.CreateAsync(WorkflowTestEnvironment.Sqlite);
        // The sweep is called directly here, so the scheduled one is off.
        var host = await environment.StartHostAsync(
            WorkflowHostRole.Serve, "node-a", settings: GitHubSettings(simulator, sweepScheduled: false));
        await StoreAsync(host.Services.GetRequiredService<IDeliveryStore>(), simulator, storedAnyway);

        // GitBot is reachable again.
        await using var receiver = new WebhookReceiver(port);
        var first = await SweepAsync(host);
        Assert.False(first.ListFailed);
        Assert.Equal(2, first.Failed);
        Assert.Equal(1, first.AlreadyStored);
        Assert.Equal(1, first.Requested);
        await simulator.WaitForDeliveriesAsync(CancellationToken.None);
        Assert.Equal([lost], receiver.ReceivedDeliveryIds);

        // The next sweep sees the successful redelivery in the log and asks for nothing.
        var second = await SweepAsync(host);
        Assert.Equal(0, second.Requested);
        // The first sweep read the whole lookback (3 days); the second starts from the first (minus the overlap).
        Assert.True(second.Since - first.Since > TimeSpan.FromDays(2), $"second window {second.Since:O} did not start from the first sweep");
        await simulator.WaitForDeliveriesAsync(CancellationToken.None);
        Assert.Equal([lost], receiver.ReceivedDeliveryIds);
        Assert.Single(simulator.DeliveryLog, d => d.Redelivery);
        Assert.DoesNotContain(simulator.DeliveryLog, d => d.Redelivery && d.Guid.ToString() == storedAnyway);

        var audit = await host.Services.GetRequiredService<IAuditLog>().ListAsync(null, 100, CancellationToken.None);
        Assert.Single(audit, e => e.Action == "delivery.redelivery_requested" && e.DeliveryId == lost);
        Assert.Equal(2, audit.Count(e => e.Action == "delivery.redelivery_sweep"));
    }

    [Fact]
    public async Task The_scheduled_sweep_runs_on_start_with_App_credentials_and_redelivers_what_was_lost()
    {
        await using var simulator = await GitHubSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
        var port = FreePort.Next();
        var (lost, storedAnyway) = await TwoFailedDeliveriesAsync(simulator, port);

        await using var environment = await WorkflowTestEnvironment.CreateAsync(WorkflowTestEnvironment.Sqlite);
        await using (var storage = await environment.StorageOnlyAsync())
        {
            await StoreAsync(storage.GetRequiredService<IDeliveryStore>(), simulator, storedAnyway);
        }

        await using var receiver = new WebhookReceiver(port);
        var host = await environment.StartHostAsync(WorkflowHostRole.Serve, "node-a", settings: GitHubSettings(simulator, sweepScheduled: true));
        var audit = host.Services.GetRequiredService<IAuditLog>();
        await Eventually.TrueAsync(
            async () => (await audit.ListAsync(RedeliverySweeper.SweepSubject, 1, CancellationToken.None)).Count == 1,
            "the scheduled sweep to complete");
        await simulator.WaitForDeliveriesAsync(CancellationToken.None);
        Assert.Equal([lost], receiver.ReceivedDeliveryIds);
    }

    [Fact]
    public async Task Without_App_credentials_no_sweep_is_scheduled()
    {
        await using var environment = await WorkflowTestEnvironment.CreateAsync(WorkflowTestEnvironment.Sqlite);
        var host = await environment.StartHostAsync(
            WorkflowHostRole.Serve, "node-a", settings: new Dictionary<string, string?> { ["GitHub:Token"] = "ghs_action_token" });
        var scheduler = await host.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        Assert.False(await scheduler.Exists(RedeliverySweepJob.Key));
    }

    /// <summary>Two webhooks fail because nothing listens on <paramref name="port"/>; returns their GUIDs.</summary>
    private static async Task<(string Lost, string StoredAnyway)> TwoFailedDeliveriesAsync(GitHubSimulator simulator, int port)
    {
        simulator.SetWebhookTarget(new Uri($"http://127.0.0.1:{port}/webhooks/github"));
        simulator.AddInstallation("octo-one");
        simulator.AddInstallation("octo-two");
        await simulator.WaitForDeliveriesAsync(CancellationToken.None);
        Assert.Equal(2, simulator.DeliveryLog.Count);
        Assert.All(simulator.DeliveryLog, d => Assert.False(d.Succeeded));
        return (simulator.DeliveryLog[0].Guid.ToString(), simulator.DeliveryLog[1].Guid.ToString());
    }

    /// <summary>GitBot stored this delivery (e.g. it committed, then died before answering GitHub).</summary>
    private static async Task StoreAsync(IDeliveryStore store, GitHubSimulator simulator, string guid)
    {
        var attempt = simulator.DeliveryLog.Single(d => d.Guid.ToString() == guid);
        var delivery = new WebhookDelivery(guid, attempt.Event, attempt.Action, attempt.InstallationId, null,
            Encoding.UTF8.GetBytes(attempt.RequestBody), DateTimeOffset.UtcNow);
        Assert.Equal(DeliveryInsertOutcome.Stored, await store.InsertAsync(delivery, CancellationToken.None));
    }

    private static async Task<RedeliverySweepResult> SweepAsync(IHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RedeliverySweeper>().SweepAsync(CancellationToken.None);
    }

    private static Dictionary<string, string?> GitHubSettings(GitHubSimulator simulator, bool sweepScheduled) => new()
    {
        ["GitHub:ApiUrl"] = simulator.ApiUrl.ToString(),
        ["GitHub:AppId"] = simulator.App.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["GitHub:PrivateKey"] = simulator.App.PrivateKeyPem,
        ["GitHub:WebhookSecret"] = simulator.App.WebhookSecret,
        ["Redelivery:Enabled"] = sweepScheduled ? "true" : "false",
    };
}
