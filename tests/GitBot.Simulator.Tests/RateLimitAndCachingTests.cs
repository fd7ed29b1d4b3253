using System.Globalization;
using System.Net;
using GitBot.Simulator.Tests.Support;

namespace GitBot.Simulator.Tests;

public sealed class RateLimitAndCachingTests
{
    private static int Remaining(HttpResponseMessage response) =>
        int.Parse(response.Headers.GetValues("x-ratelimit-remaining").Single(), CultureInfo.InvariantCulture);

    [Fact]
    public async Task Every_response_carries_rate_limit_headers_and_the_budget_goes_down()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var number = await h.OpenIssueAsync();

        using var first = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}/issues/{number}");
        using var second = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}/issues/{number}/comments");
        using var unknown = await h.Http.GetAsync("nope");

        Assert.Equal("5000", first.Headers.GetValues("x-ratelimit-limit").Single());
        Assert.Equal(4999, Remaining(first));
        Assert.Equal(4998, Remaining(second));
        Assert.Equal("core", second.Headers.GetValues("x-ratelimit-resource").Single());
        Assert.Equal("2", second.Headers.GetValues("x-ratelimit-used").Single());
        Assert.True(long.Parse(second.Headers.GetValues("x-ratelimit-reset").Single(), CultureInfo.InvariantCulture)
                    > DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.True(unknown.Headers.Contains("x-ratelimit-remaining"));
    }

    [Fact]
    public async Task An_exhausted_budget_is_403_with_remaining_zero()
    {
        await using var h = await SimulatorHarness.StartAsync(new SimulatorOptions { RateLimitPerHour = 2 });

        using var one = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}");
        using var two = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}");
        using var three = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}");

        Assert.Equal(HttpStatusCode.OK, two.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, three.StatusCode);
        Assert.Equal(0, Remaining(three));
        Assert.StartsWith("API rate limit exceeded", (await SimulatorHarness.ReadAsync(three))["message"]!.GetValue<string>(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task If_none_match_with_the_current_etag_is_304_and_costs_nothing()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var number = await h.OpenIssueAsync();
        var path = $"repos/{SimulatorHarness.Repo}/issues/{number}";

        using var first = await h.Http.GetAsync(path);
        var etag = first.Headers.ETag!;
        using var conditional = new HttpRequestMessage(HttpMethod.Get, path);
        conditional.Headers.IfNoneMatch.Add(etag);
        using var notModified = await h.Http.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(Remaining(first), Remaining(notModified));
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        await h.Simulator.CommentAsync(SimulatorHarness.Repo, number, "changed", "bob", CancellationToken.None);
        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(etag);
        using var modified = await h.Http.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, modified.StatusCode);
        Assert.NotEqual(etag, modified.Headers.ETag);
        Assert.Equal(Remaining(first) - 1, Remaining(modified));
    }
}
