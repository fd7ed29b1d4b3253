using GitBot.GitHub.Results;

namespace GitBot.GitHub.Tests.Client;

public sealed class ErrorHandlingTests
{
    private const string IssueRoute = "repos/{owner}/{repo}/issues/{issue_number}";
    private const string CommentsRoute = "repos/{owner}/{repo}/issues/{issue_number}/comments";

    [Fact]
    public async Task Server_error_on_get_is_retried_with_backoff_until_it_succeeds()
    {
        await using var h = await GitHubHarness.StartAsync();
        var number = await h.Simulator.OpenIssueAsync(GitHubHarness.FullName, "Flaky", null, "alice", null, CancellationToken.None);
        var rule = h.Simulator.Faults.ServerError("issues/get", 502, times: 2);

        var call = h.Client.Issues.GetAsync(GitHubHarness.Owner, GitHubHarness.Repo, number, CancellationToken.None);
        for (var i = 1; i <= 2; i++)
        {
            var wait = await h.Timers.WaitForTimerAsync(i);
            Assert.InRange(wait, TimeSpan.Zero, TimeSpan.FromSeconds(30));
            h.Time.Advance(wait);
        }

        var result = await call;

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal("Flaky", result.Value.Title);
        Assert.Equal(2, rule.Fired);
        Assert.Equal([502, 502, 200], h.LogLines(LogEvents.Response, IssueRoute).Select(l => l.Get<int>("Status")));
        Assert.Empty(h.Simulator.RejectedRequests);
    }

    [Fact]
    public async Task Server_error_on_get_gives_up_after_the_configured_retries()
    {
        await using var h = await GitHubHarness.StartAsync(new Dictionary<string, string?> { ["GitHub:MaxServerErrorRetries"] = "2" });
        var rule = h.Simulator.Faults.ServerError("issues/get", 503, times: 50);

        var call = h.Client.Issues.GetAsync(GitHubHarness.Owner, GitHubHarness.Repo, 1, CancellationToken.None);
        for (var i = 1; i <= 2; i++)
        {
            h.Time.Advance(await h.Timers.WaitForTimerAsync(i));
        }

        var result = await call;

        Assert.Equal(GitHubErrorKind.Server, result.Error!.Kind);
        Assert.Equal(503, result.Error.StatusCode);
        Assert.Equal("Service Unavailable", result.Error.Message);
        Assert.Equal(3, rule.Fired);
    }

    [Fact]
    public async Task Server_error_on_post_is_not_retried()
    {
        await using var h = await GitHubHarness.StartAsync();
        var number = await h.Simulator.OpenIssueAsync(GitHubHarness.FullName, "No retry", null, "alice", null, CancellationToken.None);
        var rule = h.Simulator.Faults.ServerError("issues/create-comment", 500, times: 5);

        var result = await h.Client.Issues.CreateCommentAsync(GitHubHarness.Owner, GitHubHarness.Repo, number, "once at most", CancellationToken.None);

        Assert.Equal(GitHubErrorKind.Server, result.Error!.Kind);
        Assert.Equal(500, result.Error.StatusCode);
        Assert.Equal(1, rule.Fired);
        Assert.Empty(h.Timers.DueTimes);
        Assert.Single(h.LogLines(LogEvents.Response, CommentsRoute));
    }

    [Fact]
    public async Task Not_found_is_a_typed_error_with_githubs_message_and_is_not_retried()
    {
        await using var h = await GitHubHarness.StartAsync();

        var result = await h.Client.Issues.GetAsync(GitHubHarness.Owner, GitHubHarness.Repo, 9999, CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.Equal(GitHubErrorKind.NotFound, result.Error.Kind);
        Assert.Equal(404, result.Error.StatusCode);
        Assert.Equal("Not Found", result.Error.Message);
        Assert.StartsWith("https://docs.github.com/", result.Error.DocumentationUrl, StringComparison.Ordinal);
        Assert.Single(h.LogLines(LogEvents.Response, IssueRoute));
        Assert.Empty(h.Timers.DueTimes);
    }

    [Fact]
    public async Task Validation_error_carries_message_documentation_and_errors_and_is_not_retried()
    {
        await using var h = await GitHubHarness.StartAsync();
        var number = await h.Simulator.OpenIssueAsync(GitHubHarness.FullName, "Invalid", null, "alice", null, CancellationToken.None);
        var rule = h.Simulator.Faults.Respond("issues/create-comment", 422, body:
            "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"IssueComment\",\"field\":\"body\",\"code\":\"custom\",\"message\":\"body is too long (maximum is 65536 characters)\"}]," +
            "\"documentation_url\":\"https://docs.github.com/rest/issues/comments#create-an-issue-comment\",\"status\":\"422\"}", times: 5);

        var result = await h.Client.Issues.CreateCommentAsync(GitHubHarness.Owner, GitHubHarness.Repo, number, "x", CancellationToken.None);

        Assert.Equal(GitHubErrorKind.Validation, result.Error!.Kind);
        Assert.Equal(422, result.Error.StatusCode);
        Assert.Equal("Validation Failed", result.Error.Message);
        Assert.Equal("https://docs.github.com/rest/issues/comments#create-an-issue-comment", result.Error.DocumentationUrl);
        Assert.Equal("body is too long (maximum is 65536 characters)", Assert.Single(result.Error.ValidationErrors).Message);
        Assert.Equal(1, rule.Fired);
        Assert.Empty(h.Timers.DueTimes);
    }

    [Fact]
    public async Task Permission_403_is_returned_as_forbidden_without_waiting()
    {
        await using var h = await GitHubHarness.StartAsync();
        var rule = h.Simulator.Faults.Respond("issues/get", 403, body: "{\"message\":\"Resource not accessible by integration\",\"documentation_url\":\"https://docs.github.com/rest/issues/issues#get-an-issue\"}", times: 5);

        var result = await h.Client.Issues.GetAsync(GitHubHarness.Owner, GitHubHarness.Repo, 1, CancellationToken.None);

        Assert.Equal(GitHubErrorKind.Forbidden, result.Error!.Kind);
        Assert.Equal("Resource not accessible by integration", result.Error.Message);
        Assert.Equal(1, rule.Fired);
        Assert.Empty(h.Timers.DueTimes);
    }

    [Fact]
    public async Task Unreachable_api_is_a_network_error()
    {
        await using var h = await GitHubHarness.StartAsync(new Dictionary<string, string?>
        {
            ["GitHub:ApiUrl"] = $"http://127.0.0.1:{GitBot.Testing.FreePort.Next()}/",
            ["GitHub:Token"] = "ghs_whatever",
            ["GitHub:AppId"] = null,
            ["GitHub:PrivateKey"] = null,
            ["GitHub:MaxServerErrorRetries"] = "0",
        });

        var result = await h.Client.Issues.GetAsync(GitHubHarness.Owner, GitHubHarness.Repo, 1, CancellationToken.None);

        Assert.Equal(GitHubErrorKind.Network, result.Error!.Kind);
        Assert.Null(result.Error.StatusCode);
    }
}
