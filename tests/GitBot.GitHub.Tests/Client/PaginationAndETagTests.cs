using GitBot.GitHub.Http;

namespace GitBot.GitHub.Tests.Client;

public sealed class PaginationAndETagTests
{
    private const string CommentsRoute = "repos/{owner}/{repo}/issues/{issue_number}/comments";
    private const string IssueRoute = "repos/{owner}/{repo}/issues/{issue_number}";

    [Fact]
    public async Task All_pages_are_followed_through_the_link_header_in_order()
    {
        await using var h = await GitHubHarness.StartAsync();
        var number = await h.Simulator.OpenIssueAsync(GitHubHarness.FullName, "Many comments", null, "alice", null, CancellationToken.None);
        for (var i = 1; i <= 5; i++)
        {
            await h.Simulator.CommentAsync(GitHubHarness.FullName, number, $"comment {i}", "alice", CancellationToken.None);
        }

        var route = GitHubRoute.Create(CommentsRoute, GitHubHarness.Owner, GitHubHarness.Repo, number).WithQuery("per_page", 2);
        var paged = await h.Connection.GetAllPagesAsync(route, h.Client.Credentials, TestJson.Comments, CancellationToken.None);

        Assert.True(paged.IsSuccess, paged.ToString());
        Assert.Equal(["comment 1", "comment 2", "comment 3", "comment 4", "comment 5"], paged.Value.Select(c => c.Body));
        Assert.Equal(3, h.LogLines(LogEvents.Response, CommentsRoute).Count);

        var viaClient = await h.Client.Issues.ListCommentsAsync(GitHubHarness.Owner, GitHubHarness.Repo, number, CancellationToken.None);
        Assert.Equal(5, viaClient.Value.Count);
        Assert.Empty(h.Simulator.RejectedRequests);
    }

    [Fact]
    public async Task Repeated_get_is_conditional_and_a_304_is_served_from_the_cache()
    {
        await using var h = await GitHubHarness.StartAsync();
        var number = await h.Simulator.OpenIssueAsync(GitHubHarness.FullName, "Cached", "body", "alice", null, CancellationToken.None);

        var first = await h.Client.Issues.GetAsync(GitHubHarness.Owner, GitHubHarness.Repo, number, CancellationToken.None);
        var second = await h.Client.Issues.GetAsync(GitHubHarness.Owner, GitHubHarness.Repo, number, CancellationToken.None);

        Assert.True(second.IsSuccess, second.ToString());
        Assert.Equal(first.Value.Id, second.Value.Id);
        Assert.Equal("Cached", second.Value.Title);
        Assert.Equal("body", second.Value.Body);
        Assert.Equal([200, 304], h.LogLines(LogEvents.Response, IssueRoute).Select(l => l.Get<int>("Status")));
        Assert.Single(h.LogLines(LogEvents.NotModified, IssueRoute));

        // A change on GitHub's side changes the ETag: the next GET gets the new body, not the cached one.
        await h.Simulator.AddLabelAsync(GitHubHarness.FullName, number, "agent", "alice", CancellationToken.None);
        var third = await h.Client.Issues.GetAsync(GitHubHarness.Owner, GitHubHarness.Repo, number, CancellationToken.None);
        Assert.Equal(["agent"], third.Value.Labels!.Select(l => l.Name));
        Assert.Equal([200, 304, 200], h.LogLines(LogEvents.Response, IssueRoute).Select(l => l.Get<int>("Status")));
        Assert.Empty(h.Simulator.RejectedRequests);
    }

    [Fact]
    public async Task Paginating_again_is_answered_by_304s_and_still_reaches_every_page()
    {
        await using var h = await GitHubHarness.StartAsync();
        var number = await h.Simulator.OpenIssueAsync(GitHubHarness.FullName, "Pages", null, "alice", null, CancellationToken.None);
        for (var i = 1; i <= 3; i++)
        {
            await h.Simulator.CommentAsync(GitHubHarness.FullName, number, $"c{i}", "alice", CancellationToken.None);
        }

        var route = GitHubRoute.Create(CommentsRoute, GitHubHarness.Owner, GitHubHarness.Repo, number).WithQuery("per_page", 1);
        var first = await h.Connection.GetAllPagesAsync(route, h.Client.Credentials, TestJson.Comments, CancellationToken.None);
        var second = await h.Connection.GetAllPagesAsync(route, h.Client.Credentials, TestJson.Comments, CancellationToken.None);

        Assert.Equal(["c1", "c2", "c3"], first.Value.Select(c => c.Body));
        Assert.Equal(["c1", "c2", "c3"], second.Value.Select(c => c.Body));
        Assert.Equal([200, 200, 200, 304, 304, 304], h.LogLines(LogEvents.Response, CommentsRoute).Select(l => l.Get<int>("Status")));
    }

    [Fact]
    public async Task Cached_bodies_are_kept_per_installation()
    {
        await using var h = await GitHubHarness.StartAsync();
        var number = await h.Simulator.OpenIssueAsync(GitHubHarness.FullName, "Private", null, "alice", null, CancellationToken.None);
        Assert.True((await h.Client.Issues.GetAsync(GitHubHarness.Owner, GitHubHarness.Repo, number, CancellationToken.None)).IsSuccess);

        // Another installation, with no access to octo/repo, must not be answered from octo's cache.
        var other = h.Simulator.AddInstallation("someone-else");
        var result = await h.Factory.ForInstallation(other.Id).Issues.GetAsync(GitHubHarness.Owner, GitHubHarness.Repo, number, CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.Empty(h.LogLines(LogEvents.NotModified, IssueRoute));
    }
}
