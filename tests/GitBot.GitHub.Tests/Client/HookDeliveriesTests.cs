using GitBot.Testing;

namespace GitBot.GitHub.Tests.Client;

public sealed class HookDeliveriesTests
{
    private const string DeliveriesRoute = "app/hook/deliveries";

    [Fact]
    public async Task Lists_deliveries_since_a_time_across_cursor_pages_and_stops_at_older_ones()
    {
        await using var h = await GitHubHarness.StartAsync();
        // Nothing listens there: every delivery fails, as when GitBot is down.
        h.Simulator.SetWebhookTarget(new Uri($"http://127.0.0.1:{FreePort.Next()}/webhooks/github"));
        for (var i = 0; i < 3; i++)
        {
            await h.Simulator.OpenIssueAsync(GitHubHarness.FullName, $"old {i}", null, "alice", null, CancellationToken.None);
        }

        await h.Simulator.WaitForDeliveriesAsync(CancellationToken.None);
        h.Time.Advance(TimeSpan.FromMinutes(10));
        var since = h.Time.GetUtcNow();
        var numbers = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            numbers.Add(await h.Simulator.OpenIssueAsync(GitHubHarness.FullName, $"new {i}", null, "alice", null, CancellationToken.None));
        }

        await h.Simulator.WaitForDeliveriesAsync(CancellationToken.None);

        var result = await h.App.ListHookDeliveriesAsync(since, pageSize: 2, CancellationToken.None);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(3, result.Value.Count);
        Assert.All(result.Value, d =>
        {
            Assert.Equal("issues", d.Event);
            Assert.Equal("opened", d.Action);
            Assert.False(d.Succeeded);
            Assert.Equal(h.Installation.Id, d.InstallationId);
            Assert.Equal(h.Repository.Id, d.RepositoryId);
            Assert.True(d.DeliveredAt >= since.AddSeconds(-1));
        });
        Assert.Equal(result.Value.OrderByDescending(d => d.Id).Select(d => d.Id), result.Value.Select(d => d.Id));
        // Page 1: two new entries; page 2: one new and one old, so there is no third request.
        Assert.Equal(2, h.LogLines(LogEvents.Response, DeliveriesRoute).Count);
        Assert.Empty(h.Simulator.RejectedRequests);
    }

    [Fact]
    public async Task Redelivery_is_requested_for_a_delivery_id()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.Simulator.SetWebhookTarget(new Uri($"http://127.0.0.1:{FreePort.Next()}/webhooks/github"));
        var since = h.Time.GetUtcNow();
        await h.Simulator.OpenIssueAsync(GitHubHarness.FullName, "lost", null, "alice", null, CancellationToken.None);
        await h.Simulator.WaitForDeliveriesAsync(CancellationToken.None);
        var failed = Assert.Single((await h.App.ListHookDeliveriesAsync(since, CancellationToken.None)).Value, d => d.Event == "issues");

        var redelivered = await h.App.RedeliverHookDeliveryAsync(failed.Id, CancellationToken.None);
        await h.Simulator.WaitForDeliveriesAsync(CancellationToken.None);

        Assert.True(redelivered.IsSuccess, redelivered.ToString());
        Assert.True(redelivered.Value);
        var attempts = h.Simulator.DeliveryLog.Where(d => d.Guid.ToString() == failed.Guid).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Single(attempts, a => a.Redelivery);
        Assert.Empty(h.Simulator.RejectedRequests);
    }

    [Fact]
    public async Task Redelivery_of_an_unknown_id_is_not_found()
    {
        await using var h = await GitHubHarness.StartAsync();

        var result = await h.App.RedeliverHookDeliveryAsync(987654321, CancellationToken.None);

        Assert.Equal(GitBot.GitHub.Results.GitHubErrorKind.NotFound, result.Error!.Kind);
    }
}
