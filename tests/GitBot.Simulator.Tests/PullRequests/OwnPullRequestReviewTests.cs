using System.Net;
using GitBot.Simulator.Tests.Support;

namespace GitBot.Simulator.Tests.PullRequests;

/// <summary>GitHub refuses an approval or a change request from the pull request's own author, Apps included.</summary>
public sealed class OwnPullRequestReviewTests
{
    [Theory]
    [InlineData("REQUEST_CHANGES", "Review Can not request changes on your own pull request")]
    [InlineData("APPROVE", "Review Can not approve your own pull request")]
    public async Task The_author_may_only_comment_on_their_own_pull_request(string reviewEvent, string error)
    {
        await using var h = await SimulatorHarness.StartAsync();
        await h.Simulator.CommitFilesAsync(SimulatorHarness.Repo, "gitbot/1", new Dictionary<string, string> { ["a.txt"] = "a\n" }, "A", "alice",
            CancellationToken.None);
        // The App's installation token opens the pull request, so the App's bot is its author.
        using var opened = await h.PostAsync($"repos/{SimulatorHarness.Repo}/pulls", """{"title":"A","head":"gitbot/1","base":"main"}""");
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var number = (await SimulatorHarness.ReadAsync(opened))["number"]!.GetValue<int>();

        using var refused = await h.PostAsync($"repos/{SimulatorHarness.Repo}/pulls/{number}/reviews", $$"""{"event":"{{reviewEvent}}","body":"no"}""");
        using var comment = await h.PostAsync($"repos/{SimulatorHarness.Repo}/pulls/{number}/reviews", """{"event":"COMMENT","body":"fine"}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(error, Assert.Single((await SimulatorHarness.ReadAsync(refused))["errors"]!.AsArray())!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, comment.StatusCode);
        Assert.Equal("COMMENTED", Assert.Single(h.Simulator.GetPullRequest(SimulatorHarness.Repo, number)!.Reviews).State);
        Assert.Empty(h.Simulator.RejectedRequests);
    }
}
