using System.Text;
using GitBot.GitHub.Http;

namespace GitBot.GitHub.Tests.Http;

public sealed class GitHubRetryClassifierTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData("GET", true)]
    [InlineData("HEAD", true)]
    [InlineData("PUT", true)]
    [InlineData("DELETE", true)]
    [InlineData("POST", false)]
    [InlineData("PATCH", false)]
    public void Server_errors_are_retried_only_for_idempotent_methods(string method, bool retried)
    {
        var decision = GitHubRetryClassifier.Classify(Response(502), new HttpMethod(method), Now, MaxWait);

        Assert.Equal(retried ? GitHubRetryReason.ServerError : GitHubRetryReason.None, decision.Reason);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(422)]
    public void Client_errors_are_final(int status)
    {
        Assert.Equal(GitHubRetryReason.None, GitHubRetryClassifier.Classify(Response(status), HttpMethod.Get, Now, MaxWait).Reason);
    }

    [Fact]
    public void Permission_403_is_final()
    {
        var response = Response(403, body: "{\"message\":\"Resource not accessible by integration\"}");

        Assert.Equal(GitHubRetryReason.None, GitHubRetryClassifier.Classify(response, HttpMethod.Post, Now, MaxWait).Reason);
    }

    [Fact]
    public void Primary_limit_waits_until_reset()
    {
        var response = Response(403, remaining: 0, reset: Now.AddSeconds(90));

        var decision = GitHubRetryClassifier.Classify(response, HttpMethod.Post, Now, MaxWait);

        Assert.Equal(GitHubRetryReason.PrimaryRateLimit, decision.Reason);
        Assert.Equal(TimeSpan.FromSeconds(90), decision.Delay);
        Assert.Equal(Now.AddSeconds(90), decision.RetryAt);
    }

    [Fact]
    public void Primary_limit_beyond_the_maximum_wait_is_not_waited_for()
    {
        var response = Response(429, remaining: 0, reset: Now.AddMinutes(30));

        Assert.Equal(GitHubRetryReason.RateLimitWaitTooLong, GitHubRetryClassifier.Classify(response, HttpMethod.Get, Now, MaxWait).Reason);
    }

    [Fact]
    public void Retry_after_is_honoured()
    {
        var decision = GitHubRetryClassifier.Classify(Response(429, retryAfter: TimeSpan.FromSeconds(7)), HttpMethod.Post, Now, MaxWait);

        Assert.Equal(GitHubRetryReason.SecondaryRateLimit, decision.Reason);
        Assert.Equal(TimeSpan.FromSeconds(7), decision.Delay);
    }

    [Fact]
    public void Secondary_limit_without_retry_after_waits_at_least_a_minute()
    {
        var response = Response(403, body: "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\"}");

        var decision = GitHubRetryClassifier.Classify(response, HttpMethod.Post, Now, MaxWait);

        Assert.Equal(GitHubRetryReason.SecondaryRateLimit, decision.Reason);
        Assert.True(decision.Delay >= TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void Bare_429_waits_at_least_a_minute()
    {
        var decision = GitHubRetryClassifier.Classify(Response(429), HttpMethod.Get, Now, MaxWait);

        Assert.Equal(GitHubRetryReason.SecondaryRateLimit, decision.Reason);
        Assert.Equal(TimeSpan.FromSeconds(60), decision.Delay);
    }

    [Fact]
    public void Success_is_final()
    {
        Assert.Equal(GitHubRetryDecision.Final, GitHubRetryClassifier.Classify(Response(200), HttpMethod.Get, Now, MaxWait));
    }

    private static GitHubResponse Response(int status, string body = "", int? remaining = null, DateTimeOffset? reset = null, TimeSpan? retryAfter = null) =>
        new(status, Encoding.UTF8.GetBytes(body), RetryAfter: retryAfter, RateLimitRemaining: remaining, RateLimitReset: reset);
}
