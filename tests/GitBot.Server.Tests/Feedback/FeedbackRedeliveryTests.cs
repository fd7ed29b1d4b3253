using System.Text;
using GitBot.GitHub.Webhooks;
using GitBot.Server.Tests.Plans;

namespace GitBot.Server.Tests.Feedback;

/// <summary>The same review arriving again (a redelivery, a replaying proxy) runs the agent once and pushes once.</summary>
public sealed class FeedbackRedeliveryTests
{
    [Fact]
    public async Task Replayed_review_webhook_runs_the_agent_once()
    {
        await using var flow = await FeedbackFlow.StartAsync();
        var pull = await FeedbackFlow.OpenPullAsync(flow);
        var reviewId = await flow.GitHub.SubmitReviewAsync(FlowHarness.Repo, pull.Number, "alice", "REQUEST_CHANGES", FeedbackFlow.ReviewBody,
            [new(FeedbackFlow.File, 1, FeedbackFlow.CommentText)], CancellationToken.None);
        var original = await FeedbackFlow.ReviewDeliveryAsync(flow, reviewId);

        // Replayed at once under a new delivery id (the first run is queued or under way) and as GitHub redelivers (same id).
        var early = await ReplayAsync(flow, original.RequestBody, Guid.NewGuid().ToString());
        await ReplayAsync(flow, original.RequestBody, original.Guid.ToString());
        await FeedbackFlow.WaitProcessedAsync(flow, early);
        var reply = await FeedbackFlow.WaitForReplyAsync(flow, pull.Number, reviewId);
        Assert.Contains("pushed", reply.Body, StringComparison.Ordinal);

        // Replayed again after the run finished: its job is gone, so only the run itself can tell it has answered.
        var late = await ReplayAsync(flow, original.RequestBody, Guid.NewGuid().ToString());
        await FeedbackFlow.WaitProcessedAsync(flow, late);
        await FeedbackFlow.UntilAsync(async () => await FeedbackFlow.QueuedJobsAsync(flow) == 0, "the replayed feedback job to finish");

        Assert.Equal(1, FeedbackFlow.Conversations(flow));
        var bare = flow.Repository.BareRepositoryPath;
        var trailers = await FlowHarness.GitAsync(bare, "log", "--format=%(trailers:key=GitBot-Feedback,valueonly)", $"{pull.HeadSha}..refs/heads/{pull.Branch}");
        Assert.Single(trailers.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Single(flow.GitHub.GitRequests, r => r.Service == "git-receive-pack" && r.Method == "POST" && r.UpdatedRefs.Count > 0);
        Assert.Equal(reply.Body, FeedbackFlow.Reply(flow, pull.Number, reviewId)!.Body);
    }

    private static async Task<string> ReplayAsync(FlowHarness flow, string body, string deliveryId)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var response = await flow.Server.PostAsync(deliveryId, bytes, WebhookSignatureVerifier.Sign(flow.GitHub.App.WebhookSecret, bytes), "pull_request_review");
        Assert.True(response.IsSuccessStatusCode, $"replay answered {(int)response.StatusCode}");
        return deliveryId;
    }
}
