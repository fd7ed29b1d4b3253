using GitBot.Server.Tests.Plans;

namespace GitBot.Server.Tests.Feedback;

/// <summary>
/// The feedback loop end to end: a writer requests changes on a GitBot pull request, the real Claude Code CLI (against
/// the scripted model) is given the review's comments and edits the file, and GitBot pushes the fix to the same branch
/// with its trailers and answers on the pull request; the review agents then review the new head.
/// </summary>
public sealed class FeedbackLoopTests
{
    [Fact]
    public async Task Request_changes_by_a_writer_makes_the_agent_push_a_fix_to_the_pull_request_branch()
    {
        await using var flow = await FeedbackFlow.StartAsync();
        var pull = await FeedbackFlow.OpenPullAsync(flow);

        var reviewId = await flow.GitHub.SubmitReviewAsync(FlowHarness.Repo, pull.Number, "alice", "REQUEST_CHANGES", FeedbackFlow.ReviewBody,
            [new(FeedbackFlow.File, 1, FeedbackFlow.CommentText)], CancellationToken.None);
        var reply = await FeedbackFlow.WaitForReplyAsync(flow, pull.Number, reviewId);

        // The pull request's head moved to one new commit on top of the reviewed head: the bot's, with both trailers.
        var moved = flow.GitHub.GetPullRequest(FlowHarness.Repo, pull.Number)!;
        Assert.NotEqual(pull.HeadSha, moved.HeadSha);
        var bare = flow.Repository.BareRepositoryPath;
        Assert.Equal(moved.HeadSha, (await FlowHarness.GitAsync(bare, "rev-parse", $"refs/heads/{pull.Branch}")).Trim());
        Assert.Equal(pull.HeadSha, (await FlowHarness.GitAsync(bare, "rev-parse", $"{moved.HeadSha}^")).Trim());
        var commit = await FlowHarness.GitAsync(bare, "log", "-1", "--format=%an%n%(trailers:key=GitBot-Feedback,valueonly)%(trailers:key=GitBot-Agent,valueonly)", moved.HeadSha);
        var lines = commit.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("gitbot[bot]", lines[0]);
        Assert.Equal(reviewId.ToString(System.Globalization.CultureInfo.InvariantCulture), lines[1].Trim());
        Assert.Equal("coder (claude)", lines[2].Trim());

        // The file named in the comment changed as the agent edited it.
        Assert.Equal(FeedbackFlow.Fixed, await FlowHarness.GitAsync(bare, "show", $"{moved.HeadSha}:{FeedbackFlow.File}"));

        // One reply, final, naming the pushed commit and mentioning nobody.
        Assert.Contains($"pushed `{moved.HeadSha[..7]}`", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("@", reply.Body, StringComparison.Ordinal);
        Assert.Equal(flow.GitHub.App.BotLogin, reply.Author);

        // The model was given the review's summary and its inline comment, anchored as path:line.
        var first = Assert.Single(flow.Model.Requests, r => r.IsMessages && r.AssistantTurns == 0 && r.FirstUserText.Contains(FeedbackFlow.ReviewBody, StringComparison.Ordinal));
        Assert.Contains(FeedbackFlow.CommentText, first.FirstUserText, StringComparison.Ordinal);
        Assert.Contains($"`{FeedbackFlow.File}:1`", first.FirstUserText, StringComparison.Ordinal);
        Assert.Contains("Issue title: Write the notes", first.FirstUserText, StringComparison.Ordinal);

        // GitHub told everyone about the push, so the review agents run on the new head.
        await flow.GitHub.WaitForDeliveriesAsync(CancellationToken.None);
        Assert.Contains(flow.GitHub.DeliveryLog, d => d.Event == "pull_request" && d.Action == "synchronize" && d.RequestBody.Contains(moved.HeadSha, StringComparison.Ordinal));
        foreach (var check in new[] { "gitbot/security", "gitbot/judge" })
        {
            var rerun = await Reviews.ReviewWait.ForCheckAsync(flow.GitHub, moved.HeadSha, check, c => c.Status == "completed");
            Assert.NotNull(rerun.Conclusion);
        }

        Assert.Empty(flow.GitHub.RejectedRequests);
    }
}
