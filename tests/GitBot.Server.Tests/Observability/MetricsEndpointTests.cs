using System.Net;
using GitBot.Server.Observability;
using GitBot.Server.Tests.Plans;

namespace GitBot.Server.Tests.Observability;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Webhook_deliveries_are_counted_by_event_and_outcome()
    {
        await using var server = await TestServer.StartAsync(TestServer.Sqlite, TestServer.ConfiguredApp());
        var before = await ScrapeAsync(server);

        using (var accepted = await server.PostAsync("metrics-1", Payloads.Small()))
        using (var duplicate = await server.PostAsync("metrics-1", Payloads.Small()))
        using (var forged = await server.PostAsync("metrics-2", Payloads.Small(), signature: "sha256=00"))
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            Assert.Equal(HttpStatusCode.Accepted, duplicate.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        }

        var after = await ScrapeAsync(server);

        const string Deliveries = "gitbot_webhook_deliveries_total";
        Assert.Equal("counter", after.TypeOf(Deliveries));
        Assert.Equal(1, after.Sum(Deliveries, ("event", "issues"), ("outcome", "accepted")) - before.Sum(Deliveries, ("event", "issues"), ("outcome", "accepted")));
        Assert.Equal(1, after.Sum(Deliveries, ("event", "issues"), ("outcome", "duplicate")) - before.Sum(Deliveries, ("event", "issues"), ("outcome", "duplicate")));
        Assert.Equal(1, after.Sum(Deliveries, ("event", "unknown"), ("outcome", "bad_signature")) - before.Sum(Deliveries, ("event", "unknown"), ("outcome", "bad_signature")));
    }

    [Fact]
    public async Task A_plan_run_moves_the_delivery_agent_run_and_github_counters()
    {
        await using var flow = await FlowHarness.StartAsync(FailureFlow.NoModel(), FailureFlow.CommandConfig("echo boom >&2; exit 3", "max_retries: 0"));
        var before = await ScrapeAsync(flow.Server);

        var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Boom", "- [ ] Explode", "alice", ["agent"], CancellationToken.None);
        await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished, TimeSpan.FromSeconds(50));
        var after = await ScrapeAsync(flow.Server);

        Assert.True(after.Sum("gitbot_webhook_deliveries_total", ("outcome", "accepted")) > before.Sum("gitbot_webhook_deliveries_total", ("outcome", "accepted")));
        Assert.True(after.Sum("gitbot_deliveries_processed_total", ("event", "issues")) > before.Sum("gitbot_deliveries_processed_total", ("event", "issues")));
        Assert.Equal(1, after.Sum("gitbot_agent_runs_total", ("role", "runner"), ("outcome", "failed")) - before.Sum("gitbot_agent_runs_total", ("role", "runner"), ("outcome", "failed")));
        Assert.Equal("histogram", after.TypeOf("gitbot_agent_run_duration_seconds"));
        Assert.Equal(1, after.Sum("gitbot_agent_run_duration_seconds_count", ("role", "runner")) - before.Sum("gitbot_agent_run_duration_seconds_count", ("role", "runner")));
        Assert.Equal(1, after.Sum("gitbot_agent_run_cost_usd_count", ("role", "runner")) - before.Sum("gitbot_agent_run_cost_usd_count", ("role", "runner")));
        Assert.True(after.Sum("gitbot_github_requests_total", ("method", "GET")) > before.Sum("gitbot_github_requests_total", ("method", "GET")));
        Assert.True(after.Sum("gitbot_github_requests_total", ("method", "POST")) > before.Sum("gitbot_github_requests_total", ("method", "POST")));
        Assert.True(after.Sum("gitbot_job_start_delay_seconds_count", ("scheduler", "GitBot")) > before.Sum("gitbot_job_start_delay_seconds_count", ("scheduler", "GitBot")));
        Assert.True(after.Sum("gitbot_job_start_delay_seconds_count", ("scheduler", "GitBot.Tasks")) > before.Sum("gitbot_job_start_delay_seconds_count", ("scheduler", "GitBot.Tasks")));
    }

    private static async Task<PrometheusText> ScrapeAsync(TestServer server)
    {
        using var response = await server.Client.GetAsync(new Uri(ObservabilityEndpoints.MetricsRoute, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return PrometheusText.Parse(await response.Content.ReadAsStringAsync());
    }
}
