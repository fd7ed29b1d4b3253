namespace GitBot.GitHub.Tests.Client;

public sealed class LoggingTests
{
    [Fact]
    public async Task Logs_name_routes_and_statuses_but_never_tokens_or_bodies()
    {
        await using var h = await GitHubHarness.StartAsync();
        var number = await h.Simulator.OpenIssueAsync(GitHubHarness.FullName, "secret-title-xyz", "secret-body-xyz", "alice", null, CancellationToken.None);
        await h.Client.Issues.GetAsync(GitHubHarness.Owner, GitHubHarness.Repo, number, CancellationToken.None);
        await h.Client.Issues.CreateCommentAsync(GitHubHarness.Owner, GitHubHarness.Repo, number, "secret-comment-xyz", CancellationToken.None);
        h.Simulator.RevokeAllInstallationTokens();
        await h.Client.Issues.GetAsync(GitHubHarness.Owner, GitHubHarness.Repo, number, CancellationToken.None);
        var token = (await h.Tokens.GetTokenAsync(h.Installation.Id, CancellationToken.None)).Value.Token;

        var lines = h.Logs.Lines;

        Assert.Contains(lines, l => l.EventId == LogEvents.Response && l.Message.Contains("repos/{owner}/{repo}/issues/{issue_number}", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Message.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Message.Contains("ghs_", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Message.Contains("eyJ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Message.Contains("secret-", StringComparison.Ordinal));
    }
}
