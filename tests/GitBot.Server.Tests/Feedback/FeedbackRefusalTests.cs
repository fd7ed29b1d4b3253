using GitBot.Server.Tests.Plans;

namespace GitBot.Server.Tests.Feedback;

/// <summary>Reviews that must not reach the agent: nothing is queued, nothing reaches the model, nothing is pushed.</summary>
public sealed class FeedbackRefusalTests
{
    [Fact]
    public async Task Request_changes_by_a_read_only_user_runs_nothing_and_is_audited()
    {
        await using var flow = await FeedbackFlow.StartAsync();
        var pull = await FeedbackFlow.OpenPullAsync(flow);

        var reviewId = await flow.GitHub.SubmitReviewAsync(FlowHarness.Repo, pull.Number, "rita", "REQUEST_CHANGES", FeedbackFlow.ReviewBody, CancellationToken.None);
        var delivery = await FeedbackFlow.ReviewDeliveryAsync(flow, reviewId);
        await FeedbackFlow.WaitProcessedAsync(flow, delivery.Guid.ToString());

        Assert.Equal(1L, await flow.Server.ScalarAsync<long>(
            $"SELECT COUNT(*) FROM audit_log WHERE action = 'feedback.refused' AND actor = 'rita' AND delivery_id = '{delivery.Guid}'"));
        await AssertNothingRanAsync(flow, pull, reviewId);
    }

    [Fact]
    public async Task Request_changes_on_a_branch_that_is_not_GitBots_runs_nothing()
    {
        await using var flow = await FeedbackFlow.StartAsync();
        var pull = await FeedbackFlow.OpenPullAsync(flow, "feature/notes");

        var reviewId = await flow.GitHub.SubmitReviewAsync(FlowHarness.Repo, pull.Number, "alice", "REQUEST_CHANGES", FeedbackFlow.ReviewBody, CancellationToken.None);
        var delivery = await FeedbackFlow.ReviewDeliveryAsync(flow, reviewId);
        await FeedbackFlow.WaitProcessedAsync(flow, delivery.Guid.ToString());

        Assert.Equal(0L, await flow.Server.ScalarAsync<long>(
            $"SELECT COUNT(*) FROM audit_log WHERE action LIKE 'feedback.%' AND delivery_id = '{delivery.Guid}'"));
        await AssertNothingRanAsync(flow, pull, reviewId);
    }

    private static async Task AssertNothingRanAsync(FlowHarness flow, OpenedPull pull, long reviewId)
    {
        Assert.Equal(0L, await FeedbackFlow.QueuedJobsAsync(flow));
        Assert.Equal(0, FeedbackFlow.Conversations(flow));
        // The review agents review the pull request on their own (it is GitBot's); no other conversation may start.
        Assert.DoesNotContain(flow.Model.Requests, r => r.IsMessages
            && !r.FirstUserText.StartsWith("You are GitBot's security reviewer", StringComparison.Ordinal)
            && !r.FirstUserText.StartsWith("You are GitBot's judge", StringComparison.Ordinal));
        Assert.Null(FeedbackFlow.Reply(flow, pull.Number, reviewId));
        Assert.Equal(pull.HeadSha, flow.GitHub.GetPullRequest(FlowHarness.Repo, pull.Number)!.HeadSha);
        Assert.DoesNotContain(flow.GitHub.GitRequests, r => r.Service == "git-receive-pack");
    }
}
