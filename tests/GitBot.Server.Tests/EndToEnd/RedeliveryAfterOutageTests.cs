using System.Globalization;
using GitBot.Simulator;
using GitBot.Workflows.Redelivery;
using Microsoft.Extensions.DependencyInjection;

namespace GitBot.Server.Tests.EndToEnd;

/// <summary>
/// The whole path the issue asks for, with real parts only: the simulator delivers a signed webhook to the real server
/// while its PostgreSQL database refuses connections (503, logged as failed in the App's delivery log; GitHub does not
/// retry), the database comes back, the redelivery sweep reads the delivery log through the real REST client and asks
/// for redelivery, and the delivery is stored exactly once — a second sweep asks for nothing.
/// </summary>
public sealed class RedeliveryAfterOutageTests
{
    [Fact]
    public async Task Delivery_failed_during_an_outage_is_redelivered_by_the_sweep_and_stored_once()
    {
        await using var github = await GitHubSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
        var installation = github.AddInstallation("octo");
        await github.AddRepositoryAsync(installation, "octo/app", CancellationToken.None);
        await using var server = await TestServer.StartAsync(TestServer.Postgres, new Dictionary<string, string?>
        {
            ["GitHub:ApiUrl"] = github.ApiUrl.ToString(),
            ["GitHub:AppId"] = github.App.Id.ToString(CultureInfo.InvariantCulture),
            ["GitHub:PrivateKey"] = github.App.PrivateKeyPem,
            ["GitHub:WebhookSecret"] = github.App.WebhookSecret,
            // The test runs the sweep itself, so no periodic sweep races it.
            ["Redelivery:Enabled"] = "false",
        });
        github.SetWebhookTarget(new Uri(server.Client.BaseAddress!, "/webhooks/github"));

        await server.PostgresDatabase!.SetConnectionsAllowedAsync(false);
        try
        {
            await github.OpenIssueAsync("octo/app", "Add a health endpoint", "body", "alice", null, CancellationToken.None);
            await github.WaitForDeliveriesAsync(CancellationToken.None);
        }
        finally
        {
            await server.PostgresDatabase!.SetConnectionsAllowedAsync(true);
        }

        var failed = Assert.Single(github.DeliveryLog);
        Assert.Equal(503, failed.StatusCode);
        Assert.Equal(0, await server.CountDeliveriesAsync());

        var first = await SweepAsync(server);
        await github.WaitForDeliveriesAsync(CancellationToken.None);
        var second = await SweepAsync(server);
        await github.WaitForDeliveriesAsync(CancellationToken.None);

        Assert.False(first.ListFailed);
        Assert.Equal(1, first.Requested);
        Assert.Equal(0, second.Requested);
        var redelivered = Assert.Single(github.DeliveryLog, d => d.Redelivery);
        Assert.Equal(failed.Guid, redelivered.Guid);
        Assert.Equal(202, redelivered.StatusCode);
        Assert.Equal(1, await server.CountDeliveriesAsync(failed.Guid.ToString()));
        Assert.Equal(1, await server.CountDeliveriesAsync());
        Assert.Empty(github.RejectedRequests);
    }

    private static async Task<RedeliverySweepResult> SweepAsync(TestServer server)
    {
        await using var scope = server.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RedeliverySweeper>().SweepAsync(CancellationToken.None);
    }
}
