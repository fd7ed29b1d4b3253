using GitBot.GitHub.Results;

namespace GitBot.GitHub.Tests.Client;

public sealed class RateLimitTests
{
    private const string CreateComment = "issues/create-comment";
    private const string CommentsRoute = "repos/{owner}/{repo}/issues/{issue_number}/comments";

    [Fact]
    public async Task Too_many_requests_waits_exactly_retry_after_then_succeeds()
    {
        await using var h = await GitHubHarness.StartAsync();
        var number = await h.Simulator.OpenIssueAsync(GitHubHarness.FullName, "Busy", null, "alice", null, CancellationToken.None);
        var rule = h.Simulator.Faults.TooManyRequests(CreateComment, retryAfterSeconds: 7);

        var call = h.Client.Issues.CreateCommentAsync(GitHubHarness.Owner, GitHubHarness.Repo, number, "hello", CancellationToken.None);
        var wait = await h.Timers.WaitForTimerAsync();

        Assert.Equal(TimeSpan.FromSeconds(7), wait);
        h.Time.Advance(TimeSpan.FromSeconds(6));
        Assert.False(call.IsCompleted);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        var result = await call;

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(1, rule.Fired);
        // A rate-limited POST was not processed, so repeating it creates the comment once.
        Assert.Single(h.Simulator.GetIssue(GitHubHarness.FullName, number)!.Comments, c => c.Body == "hello");
        Assert.Equal([429, 201], h.LogLines(LogEvents.Response, CommentsRoute).Select(l => l.Get<int>("Status")));
        Assert.Empty(h.Simulator.RejectedRequests);
    }

    [Fact]
    public async Task Secondary_limit_without_retry_after_waits_at_least_a_minute()
    {
        await using var h = await GitHubHarness.StartAsync();
        var number = await h.Simulator.OpenIssueAsync(GitHubHarness.FullName, "Secondary", null, "alice", null, CancellationToken.None);
        var rule = h.Simulator.Faults.SecondaryRateLimit(CreateComment, retryAfterSeconds: null);

        var call = h.Client.Issues.CreateCommentAsync(GitHubHarness.Owner, GitHubHarness.Repo, number, "after the pause", CancellationToken.None);
        var wait = await h.Timers.WaitForTimerAsync();

        Assert.True(wait >= TimeSpan.FromSeconds(60), $"waited only {wait}");
        h.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(call.IsCompleted);
        h.Time.Advance(wait - TimeSpan.FromSeconds(59));
        var result = await call;

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(1, rule.Fired);
        Assert.Equal([403, 201], h.LogLines(LogEvents.Response, CommentsRoute).Select(l => l.Get<int>("Status")));
        Assert.Empty(h.Simulator.RejectedRequests);
    }

    [Fact]
    public async Task Secondary_limit_with_retry_after_waits_that_long()
    {
        await using var h = await GitHubHarness.StartAsync();
        var number = await h.Simulator.OpenIssueAsync(GitHubHarness.FullName, "Secondary", null, "alice", null, CancellationToken.None);
        h.Simulator.Faults.SecondaryRateLimit(CreateComment, retryAfterSeconds: 90);

        var call = h.Client.Issues.CreateCommentAsync(GitHubHarness.Owner, GitHubHarness.Repo, number, "later", CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(90), await h.Timers.WaitForTimerAsync());
        h.Time.Advance(TimeSpan.FromSeconds(90));

        Assert.True((await call).IsSuccess);
    }

    [Fact]
    public async Task Primary_limit_waits_until_the_reset_time()
    {
        await using var h = await GitHubHarness.StartAsync();
        var number = await h.Simulator.OpenIssueAsync(GitHubHarness.FullName, "Primary", null, "alice", null, CancellationToken.None);
        var resetAt = h.Time.GetUtcNow().AddSeconds(90);
        var rule = h.Simulator.Faults.PrimaryRateLimit("issues/get", resetAt);

        var call = h.Client.Issues.GetAsync(GitHubHarness.Owner, GitHubHarness.Repo, number, CancellationToken.None);
        var wait = await h.Timers.WaitForTimerAsync();

        // x-ratelimit-reset has whole seconds, so the wait ends at the second the reset falls in.
        var expected = DateTimeOffset.FromUnixTimeSeconds(resetAt.ToUnixTimeSeconds()) - h.Time.GetUtcNow();
        Assert.InRange(wait, expected - TimeSpan.FromMilliseconds(1), expected);
        Assert.InRange(wait, TimeSpan.FromSeconds(89), TimeSpan.FromSeconds(90));
        h.Time.Advance(wait - TimeSpan.FromSeconds(1));
        Assert.False(call.IsCompleted);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        var result = await call;

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(1, rule.Fired);
        Assert.Empty(h.Simulator.RejectedRequests);
    }

    [Fact]
    public async Task Primary_limit_beyond_the_maximum_wait_returns_a_rate_limited_error_without_waiting()
    {
        await using var h = await GitHubHarness.StartAsync(new Dictionary<string, string?> { ["GitHub:MaxRateLimitWait"] = "00:02:00" });
        var resetAt = h.Time.GetUtcNow().AddMinutes(45);
        var rule = h.Simulator.Faults.PrimaryRateLimit("issues/get", resetAt);

        var result = await h.Client.Issues.GetAsync(GitHubHarness.Owner, GitHubHarness.Repo, 1, CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.Equal(GitHubErrorKind.RateLimited, result.Error.Kind);
        Assert.Equal(403, result.Error.StatusCode);
        Assert.Equal(resetAt.ToUnixTimeSeconds(), result.Error.RetryAt!.Value.ToUnixTimeSeconds());
        Assert.Equal("API rate limit exceeded for installation.", result.Error.Message);
        Assert.NotNull(result.Error.DocumentationUrl);
        Assert.Equal(1, rule.Fired);
        Assert.Empty(h.Timers.DueTimes);
    }

    [Fact]
    public async Task Spent_primary_budget_is_remembered_and_the_next_request_is_not_sent_until_reset()
    {
        await using var h = await GitHubHarness.StartAsync(rateLimitPerHour: 2);
        var number = await h.Simulator.OpenIssueAsync(GitHubHarness.FullName, "Budget", null, "alice", null, CancellationToken.None);
        const string route = "repos/{owner}/{repo}/issues/{issue_number}/comments";

        // Two requests spend the installation's budget; the second answer says remaining 0.
        for (var i = 0; i < 2; i++)
        {
            var sent = await h.Client.Issues.CreateCommentAsync(GitHubHarness.Owner, GitHubHarness.Repo, number, $"c{i}", CancellationToken.None);
            Assert.True(sent.IsSuccess, sent.ToString());
        }

        var third = await h.Client.Issues.CreateCommentAsync(GitHubHarness.Owner, GitHubHarness.Repo, number, "c2", CancellationToken.None);

        Assert.Equal(GitHubErrorKind.RateLimited, third.Error!.Kind);
        Assert.Null(third.Error.StatusCode);
        Assert.True(third.Error.RetryAt > h.Time.GetUtcNow().AddMinutes(50));
        Assert.Equal(2, h.LogLines(LogEvents.Response, route).Count);

        // After the reset the budget is back and the request goes out.
        h.Time.Advance(third.Error.RetryAt!.Value - h.Time.GetUtcNow() + TimeSpan.FromSeconds(1));
        var later = await h.Client.Issues.CreateCommentAsync(GitHubHarness.Owner, GitHubHarness.Repo, number, "c2", CancellationToken.None);
        Assert.True(later.IsSuccess, later.ToString());
        Assert.Equal(["c0", "c1", "c2"], h.Simulator.GetIssue(GitHubHarness.FullName, number)!.Comments.Select(c => c.Body));
        Assert.Empty(h.Simulator.RejectedRequests);
    }

    [Fact]
    public async Task Rate_limit_waits_are_bounded_in_number()
    {
        await using var h = await GitHubHarness.StartAsync();
        var rule = h.Simulator.Faults.TooManyRequests("issues/get", retryAfterSeconds: 1, times: 100);

        var call = h.Client.Issues.GetAsync(GitHubHarness.Owner, GitHubHarness.Repo, 1, CancellationToken.None);
        for (var i = 1; i <= 3; i++)
        {
            await h.Timers.WaitForTimerAsync(i);
            h.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var result = await call;

        Assert.Equal(GitHubErrorKind.RateLimited, result.Error!.Kind);
        Assert.Equal(429, result.Error.StatusCode);
        Assert.Equal(4, rule.Fired);
    }
}
