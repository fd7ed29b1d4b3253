using GitBot.GitHub.Results;

namespace GitBot.GitHub.Tests.Client;

public sealed class InstallationTokenTests
{
    private const string IssueRoute = "repos/{owner}/{repo}/issues/{issue_number}";

    [Fact]
    public async Task Second_call_reuses_the_cached_token()
    {
        await using var h = await GitHubHarness.StartAsync();
        var number = await h.Simulator.OpenIssueAsync(GitHubHarness.FullName, "Token reuse", null, "alice", null, CancellationToken.None);

        var first = await h.Client.Issues.GetAsync(GitHubHarness.Owner, GitHubHarness.Repo, number, CancellationToken.None);
        var second = await h.Client.Issues.GetAsync(GitHubHarness.Owner, GitHubHarness.Repo, number, CancellationToken.None);

        Assert.True(first.IsSuccess, first.ToString());
        Assert.True(second.IsSuccess, second.ToString());
        Assert.Equal("Token reuse", second.Value.Title);
        Assert.Equal(1, h.Simulator.TokensIssued);
        Assert.Empty(h.Simulator.RejectedRequests);
    }

    [Fact]
    public async Task Token_is_refreshed_once_less_than_five_minutes_of_validity_remain()
    {
        await using var h = await GitHubHarness.StartAsync();
        var first = await h.Tokens.GetTokenAsync(h.Installation.Id, CancellationToken.None);
        Assert.True(first.IsSuccess, first.ToString());
        var lifetime = first.Value.ExpiresAt - h.Time.GetUtcNow();

        // Six minutes left: still reused.
        h.Time.Advance(lifetime - TimeSpan.FromMinutes(6));
        var stillCached = await h.Tokens.GetTokenAsync(h.Installation.Id, CancellationToken.None);
        Assert.Equal(first.Value.Token, stillCached.Value.Token);
        Assert.Equal(1, h.Simulator.TokensIssued);

        // Just under five minutes left: a new token, which the simulator accepts.
        h.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var refreshed = await h.Tokens.GetTokenAsync(h.Installation.Id, CancellationToken.None);
        Assert.True(refreshed.IsSuccess, refreshed.ToString());
        Assert.NotEqual(first.Value.Token, refreshed.Value.Token);
        Assert.Equal(2, h.Simulator.TokensIssued);
        Assert.True(refreshed.Value.ExpiresAt - h.Time.GetUtcNow() > TimeSpan.FromMinutes(5));

        var repos = await h.Client.Installation.ListRepositoriesAsync(CancellationToken.None);
        Assert.True(repos.IsSuccess, repos.ToString());
        Assert.Equal(2, h.Simulator.TokensIssued);
        Assert.Empty(h.Simulator.RejectedRequests);
    }

    [Fact]
    public async Task Concurrent_callers_for_one_installation_share_one_token_request()
    {
        await using var h = await GitHubHarness.StartAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => h.Tokens.GetTokenAsync(h.Installation.Id, CancellationToken.None)));

        Assert.All(results, r => Assert.True(r.IsSuccess, r.ToString()));
        Assert.Single(results.Select(r => r.Value.Token).Distinct());
        Assert.Equal(1, h.Simulator.TokensIssued);
    }

    [Fact]
    public async Task Unauthorized_answer_drops_the_token_and_retries_once_with_a_fresh_one()
    {
        await using var h = await GitHubHarness.StartAsync();
        var number = await h.Simulator.OpenIssueAsync(GitHubHarness.FullName, "Revoked", null, "alice", null, CancellationToken.None);
        Assert.True((await h.Client.Issues.GetAsync(GitHubHarness.Owner, GitHubHarness.Repo, number, CancellationToken.None)).IsSuccess);

        h.Simulator.RevokeAllInstallationTokens();
        var after = await h.Client.Issues.GetAsync(GitHubHarness.Owner, GitHubHarness.Repo, number, CancellationToken.None);

        Assert.True(after.IsSuccess, after.ToString());
        Assert.Equal(2, h.Simulator.TokensIssued);
        Assert.Single(h.LogLines(LogEvents.Unauthorized, IssueRoute));
        // The fresh token still sees the cached issue: the conditional GET answers 304.
        Assert.Equal([200, 401, 304], h.LogLines(LogEvents.Response, IssueRoute).Select(l => l.Get<int>("Status")));
    }

    [Fact]
    public async Task Repeated_unauthorized_is_retried_once_and_then_returned()
    {
        await using var h = await GitHubHarness.StartAsync();
        var rule = h.Simulator.Faults.Respond("issues/get", 401,
            body: "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}", times: 10);

        var result = await h.Client.Issues.GetAsync(GitHubHarness.Owner, GitHubHarness.Repo, 1, CancellationToken.None);

        Assert.Equal(GitHubErrorKind.Unauthorized, result.Error!.Kind);
        Assert.Equal("Bad credentials", result.Error.Message);
        Assert.Equal(2, rule.Fired);
        Assert.Equal(2, h.Simulator.TokensIssued);
    }

    [Fact]
    public async Task Failed_token_request_is_not_cached_and_not_retried()
    {
        await using var h = await GitHubHarness.StartAsync();
        var rule = h.Simulator.Faults.ServerError("apps/create-installation-access-token", 500);

        var failed = await h.Tokens.GetTokenAsync(h.Installation.Id, CancellationToken.None);
        var next = await h.Tokens.GetTokenAsync(h.Installation.Id, CancellationToken.None);

        Assert.Equal(GitHubErrorKind.Server, failed.Error!.Kind);
        Assert.Equal(1, rule.Fired);
        Assert.True(next.IsSuccess, next.ToString());
        Assert.Equal(1, h.Simulator.TokensIssued);
    }

    [Fact]
    public async Task Unauthorized_with_a_fixed_token_is_returned_without_retrying()
    {
        await using var h = await GitHubHarness.StartAsync();
        var client = h.Factory.ForToken("ghs_not_a_token_the_simulator_issued");

        var result = await client.Issues.GetAsync(GitHubHarness.Owner, GitHubHarness.Repo, 1, CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.Equal(GitHubErrorKind.Unauthorized, result.Error.Kind);
        Assert.Equal(401, result.Error.StatusCode);
        Assert.Single(h.LogLines(LogEvents.Response, IssueRoute));
        Assert.Empty(h.LogLines(LogEvents.Unauthorized, IssueRoute));
        Assert.Equal(0, h.Simulator.TokensIssued);
    }

    [Fact]
    public async Task Token_mode_uses_the_given_token_and_never_calls_app_endpoints()
    {
        await using var sim = await GitHubHarness.StartAsync();
        var token = sim.Simulator.IssueInstallationToken(sim.Installation.Id);
        var issuedBefore = sim.Simulator.TokensIssued;
        // A second GitHub layer, configured in token mode, pointed at the first harness's simulator.
        await using var tokenMode = await TokenModeAsync(sim, token);
        var number = await sim.Simulator.OpenIssueAsync(GitHubHarness.FullName, "Action", null, "alice", null, CancellationToken.None);

        var client = tokenMode.Factory.ForInstallation(12345);
        var issue = await client.Issues.GetAsync(GitHubHarness.Owner, GitHubHarness.Repo, number, CancellationToken.None);
        var app = await tokenMode.App.GetAppAsync(CancellationToken.None);

        Assert.True(issue.IsSuccess, issue.ToString());
        Assert.Equal(GitHubAuthMode.Token, tokenMode.Factory.Mode);
        Assert.Equal(GitHubErrorKind.NotConfigured, app.Error!.Kind);
        Assert.Equal(issuedBefore, sim.Simulator.TokensIssued);
        Assert.Empty(sim.Simulator.RejectedRequests);
    }

    [Fact]
    public async Task App_jwt_is_accepted_by_the_simulator()
    {
        await using var h = await GitHubHarness.StartAsync();

        var app = await h.App.GetAppAsync(CancellationToken.None);

        Assert.True(app.IsSuccess, app.ToString());
        Assert.Equal(h.Simulator.App.Id, app.Value.Id);
        Assert.Equal(h.Simulator.App.Name, app.Value.Name);
        Assert.Empty(h.Simulator.RejectedRequests);
    }

    [Fact]
    public async Task Unconfigured_client_answers_not_configured_with_the_reason()
    {
        await using var h = await GitHubHarness.StartAsync(new Dictionary<string, string?> { ["GitHub:AppId"] = "7", ["GitHub:PrivateKey"] = null });
        var result = await h.Factory.ForInstallation(h.Installation.Id).Issues.GetAsync(GitHubHarness.Owner, GitHubHarness.Repo, 1, CancellationToken.None);

        Assert.Equal(GitHubErrorKind.NotConfigured, result.Error!.Kind);
        Assert.Contains("GitHub:AppId is set but neither GitHub:PrivateKeyPath nor GitHub:PrivateKey is.", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreadable_private_key_is_reported_by_every_call()
    {
        await using var h = await GitHubHarness.StartAsync(new Dictionary<string, string?> { ["GitHub:PrivateKey"] = "-----BEGIN RSA PRIVATE KEY-----\nbroken\n-----END RSA PRIVATE KEY-----" });

        var app = await h.App.GetAppAsync(CancellationToken.None);
        var issue = await h.Client.Issues.GetAsync(GitHubHarness.Owner, GitHubHarness.Repo, 1, CancellationToken.None);

        Assert.Equal(GitHubErrorKind.NotConfigured, app.Error!.Kind);
        Assert.Contains("private key", app.Error.Message, StringComparison.Ordinal);
        Assert.Equal(GitHubErrorKind.NotConfigured, issue.Error!.Kind);
        Assert.Contains("private key", issue.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Logs.Lines, l => l.EventId == LogEvents.Response);
    }

    private static Task<GitHubHarness> TokenModeAsync(GitHubHarness simulatorHost, string token) =>
        GitHubHarness.StartAsync(new Dictionary<string, string?>
        {
            ["GitHub:ApiUrl"] = simulatorHost.Simulator.ApiUrl.ToString(),
            ["GitHub:AppId"] = null,
            ["GitHub:PrivateKey"] = null,
            ["GitHub:Token"] = token,
        });
}
