using System.Net;
using GitBot.Simulator.Tests.Support;

namespace GitBot.Simulator.Tests;

public sealed class FaultInjectionTests
{
    private static string IssuePath(int number) => $"repos/{SimulatorHarness.Repo}/issues/{number}";

    [Fact]
    public async Task A_429_carries_retry_after_and_fires_only_the_requested_number_of_times()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var number = await h.OpenIssueAsync();
        var rule = h.Simulator.Faults.TooManyRequests("issues/get", retryAfterSeconds: 2, times: 2);

        using var one = await h.Http.GetAsync(IssuePath(number));
        using var two = await h.Http.GetAsync(IssuePath(number));
        using var three = await h.Http.GetAsync(IssuePath(number));

        Assert.Equal(HttpStatusCode.TooManyRequests, one.StatusCode);
        Assert.Equal("2", one.Headers.GetValues("retry-after").Single());
        Assert.Equal(HttpStatusCode.TooManyRequests, two.StatusCode);
        Assert.Equal(HttpStatusCode.OK, three.StatusCode);
        Assert.Equal(2, rule.Fired);
        Assert.Equal(0, rule.Remaining);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(null)]
    public async Task A_secondary_rate_limit_is_403_with_the_message_and_optional_retry_after(int? retryAfter)
    {
        await using var h = await SimulatorHarness.StartAsync();
        var number = await h.OpenIssueAsync();
        h.Simulator.Faults.SecondaryRateLimit("issues/create-comment", retryAfter);

        using var response = await h.PostAsync($"{IssuePath(number)}/comments", """{"body":"hi"}""");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.StartsWith("You have exceeded a secondary rate limit",
            (await SimulatorHarness.ReadAsync(response))["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(retryAfter is not null, response.Headers.Contains("retry-after"));
        Assert.Empty(h.Simulator.GetIssue(SimulatorHarness.Repo, number)!.Comments);
    }

    [Fact]
    public async Task A_primary_rate_limit_fault_reports_remaining_zero_and_the_reset()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var reset = DateTimeOffset.UtcNow.AddMinutes(5);
        h.Simulator.Faults.PrimaryRateLimit($"GET /repos/{{owner}}/{{repo}}", reset);

        using var response = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("0", response.Headers.GetValues("x-ratelimit-remaining").Single());
        Assert.Equal(reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            response.Headers.GetValues("x-ratelimit-reset").Single());
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Server_errors_are_returned_as_configured(int status)
    {
        await using var h = await SimulatorHarness.StartAsync();
        var rule = h.Simulator.Faults.ServerError("repos/get", status);

        using var faulted = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}");
        using var healthy = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}");

        Assert.Equal(status, (int)faulted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal(1, rule.Fired);
    }

    [Fact]
    public async Task A_latency_rule_delays_and_then_answers_normally()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var rule = h.Simulator.Faults.Delay("repos/get", TimeSpan.FromMilliseconds(200));

        using var response = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, rule.Fired);
    }

    [Fact]
    public async Task A_latency_longer_than_the_client_timeout_makes_the_client_time_out()
    {
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.Faults.Delay("repos/get", TimeSpan.FromSeconds(5));
        using var impatient = SimulatorHarness.Client(h.Simulator, h.Simulator.IssueInstallationToken(h.Installation.Id));
        impatient.Timeout = TimeSpan.FromMilliseconds(300);

        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.GetAsync($"repos/{SimulatorHarness.Repo}"));
    }

    [Fact]
    public async Task Rules_for_other_routes_do_not_fire()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var rule = h.Simulator.Faults.ServerError("pulls/merge");

        using var response = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, rule.Fired);
        Assert.Equal(1, rule.Remaining);
    }
}
