using GitBot.Server.Tests.Plans;
using GitBot.Server.Tests.Reviews;

namespace GitBot.Server.Tests.Commands;

/// <summary><c>/agent review</c> runs review agents on demand on any pull request, for writers.</summary>
public sealed class CommandReviewTests
{
    [Fact]
    public async Task Review_security_on_a_persons_pull_request_runs_only_the_security_agent()
    {
        // The repository reviews only GitBot's pull requests on its own, and only with the judge.
        await using var h = await FlowHarness.StartAsync(ReviewScripts.Script(), ReviewScripts.Files("reviews:\n  agents: [judge]\n"));
        var (number, head) = await CommandAccessTests.OpenHumanPullRequestAsync(h);
        var issue = await h.GitHub.OpenIssueAsync(FlowHarness.Repo, "Not a pull request", null, "alice", null, CancellationToken.None);

        var onIssue = await h.GitHub.CommentAsync(FlowHarness.Repo, issue, "/agent review", "alice", CancellationToken.None);
        Assert.Contains("use it on a pull request", (await CommandWait.ForReplyAsync(h.GitHub, issue, onIssue.Id)).Body, StringComparison.Ordinal);

        var comment = await h.GitHub.CommentAsync(FlowHarness.Repo, number, "/agent review security", "alice", CancellationToken.None);
        var reply = await CommandWait.ForReplyAsync(h.GitHub, number, comment.Id);
        Assert.Contains("`gitbot/security`", reply.Body, StringComparison.Ordinal);
        Assert.Contains(head[..7], reply.Body, StringComparison.Ordinal);
        await CommandWait.ForReactionAsync(h.GitHub, number, comment.Id, "rocket");

        var security = await ReviewWait.ForCheckAsync(h.GitHub, head, "gitbot/security", c => c.Status == "completed");
        Assert.Equal("success", security.Conclusion);
        Assert.Contains(h.Model.Requests, r => (r.SystemText + r.FirstUserText).Contains(ReviewScripts.SecurityPrompt, StringComparison.Ordinal));
        Assert.DoesNotContain(h.GitHub.GetCheckRuns(FlowHarness.Repo), r => r.HeadSha == head && r.Name == "gitbot/judge");
        Assert.Empty(h.GitHub.RejectedRequests);
    }
}
