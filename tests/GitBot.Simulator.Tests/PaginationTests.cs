using System.Net;
using GitBot.Simulator.Tests.Support;

namespace GitBot.Simulator.Tests;

public sealed class PaginationTests
{
    [Fact]
    public async Task Lists_are_paged_30_by_default_with_next_and_last_links()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var number = await h.OpenIssueAsync();
        for (var i = 0; i < 65; i++)
        {
            await h.Simulator.CommentAsync(SimulatorHarness.Repo, number, $"comment {i}", "bob", CancellationToken.None);
        }

        using var first = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}/issues/{number}/comments");
        var link = first.Headers.GetValues("Link").Single();

        Assert.Equal(30, (await SimulatorHarness.ReadAsync(first)).AsArray().Count);
        Assert.Contains($"{h.Simulator.ApiUrl}repos/{SimulatorHarness.Repo}/issues/{number}/comments?page=2&per_page=30>; rel=\"next\"", link,
            StringComparison.Ordinal);
        Assert.Contains("page=3&per_page=30>; rel=\"last\"", link, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Per_page_and_page_select_a_slice_and_the_last_page_has_no_next()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var number = await h.OpenIssueAsync();
        for (var i = 0; i < 25; i++)
        {
            await h.Simulator.CommentAsync(SimulatorHarness.Repo, number, $"comment {i}", "bob", CancellationToken.None);
        }

        using var middle = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}/issues/{number}/comments?per_page=10&page=2");
        using var last = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}/issues/{number}/comments?per_page=10&page=3");
        using var huge = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}/issues/{number}/comments?per_page=500");

        var page = (await SimulatorHarness.ReadAsync(middle)).AsArray();
        Assert.Equal("comment 10", page[0]!["body"]!.GetValue<string>());
        var middleLink = middle.Headers.GetValues("Link").Single();
        Assert.Contains("page=3&per_page=10>; rel=\"next\"", middleLink, StringComparison.Ordinal);
        Assert.Contains("page=1&per_page=10>; rel=\"prev\"", middleLink, StringComparison.Ordinal);
        Assert.Equal(5, (await SimulatorHarness.ReadAsync(last)).AsArray().Count);
        Assert.DoesNotContain("rel=\"next\"", last.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
        Assert.Equal(25, (await SimulatorHarness.ReadAsync(huge)).AsArray().Count);
        Assert.False(huge.Headers.Contains("Link"));
        Assert.Equal(HttpStatusCode.OK, huge.StatusCode);
    }
}
