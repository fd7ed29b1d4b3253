using GitBot.Server.Tests.Plans;
using GitBot.Simulator;
using GitBot.Simulator.ModelServer;
using GitBot.Workflows.Feedback;

namespace GitBot.Server.Tests.Feedback;

/// <summary>
/// Shared pieces of the feedback-loop tests, on top of <see cref="FlowHarness"/> (real <c>gitbot serve</c> on PostgreSQL,
/// the simulator with a real bare repository, the real Claude Code CLI against the scripted model): a pull request from
/// a GitBot branch holding a typo, the script that fixes it, and waits on what the server did.
/// </summary>
internal static class FeedbackFlow
{
    public const string File = "notes.txt";
    public const string Typo = "hello wrold\n";
    public const string Fixed = "hello world\n";
    public const string ReviewBody = "Please fix the spelling before this goes in.";
    public const string CommentText = "Typo here: wrold should be world.";

    /// <summary>A feedback conversation reads the file, fixes the typo and says so; anything else gets plain text.</summary>
    public static ModelScript Script() => new(
        ModelScript.When(FeedbackPromptBuilder.Heading,
            ModelStep.Read(File), ModelStep.Edit(File, "wrold", "world"), ModelStep.Text("Fixed the typo in notes.txt.")));

    public static Task<FlowHarness> StartAsync() =>
        FlowHarness.StartAsync(Script(), new Dictionary<string, string> { [".github/gitbot.yml"] = "limits:\n  task_timeout: 3m\n" });

    /// <summary>An issue (not labelled: no plan) and a pull request for it from <paramref name="branch"/> (default <c>gitbot/{issue}</c>) holding the typo.</summary>
    public static async Task<OpenedPull> OpenPullAsync(FlowHarness flow, string? branch = null)
    {
        var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Write the notes", "Notes, please.", "alice", [], CancellationToken.None);
        var head = branch ?? $"gitbot/{issue}";
        var sha = await flow.GitHub.CommitFilesAsync(FlowHarness.Repo, head, new Dictionary<string, string> { [File] = Typo }, "Write the notes", "alice", CancellationToken.None);
        var pull = await flow.GitHub.OpenPullRequestAsync(FlowHarness.Repo, head, flow.Repository.DefaultBranch, "Write the notes", $"Closes #{issue}", "alice", CancellationToken.None);
        return new OpenedPull(issue, pull, head, sha);
    }

    /// <summary>The <c>pull_request_review</c> delivery of review <paramref name="reviewId"/>.</summary>
    public static async Task<SimulatedDelivery> ReviewDeliveryAsync(FlowHarness flow, long reviewId)
    {
        await flow.GitHub.WaitForDeliveriesAsync(CancellationToken.None);
        return Assert.Single(flow.GitHub.DeliveryLog,
            d => d.Event == "pull_request_review" && !d.Redelivery && d.RequestBody.Contains($"\"id\":{reviewId},", StringComparison.Ordinal));
    }

    /// <summary>Waits until the server has run every handler for delivery <paramref name="deliveryId"/> (its <c>delivery.processed</c> audit line).</summary>
    public static Task WaitProcessedAsync(FlowHarness flow, string deliveryId) =>
        UntilAsync(async () => await flow.Server.ScalarAsync<long>(
            $"SELECT COUNT(*) FROM audit_log WHERE action = 'delivery.processed' AND delivery_id = '{deliveryId}'") > 0,
            $"delivery {deliveryId} to be processed");

    /// <summary>GitBot's reply to review <paramref name="reviewId"/> on the pull request, if any (fails when there are several).</summary>
    public static SimulatedComment? Reply(FlowHarness flow, int pull, long reviewId)
    {
        var replies = flow.GitHub.GetIssue(FlowHarness.Repo, pull)!.Comments
            .Where(c => c.Body.Contains(FeedbackReplyRenderer.Marker(reviewId), StringComparison.Ordinal)).ToList();
        Assert.True(replies.Count <= 1, $"{replies.Count} replies to review {reviewId}");
        return replies.SingleOrDefault();
    }

    /// <summary>Waits for GitBot's final reply to review <paramref name="reviewId"/>.</summary>
    public static async Task<SimulatedComment> WaitForReplyAsync(FlowHarness flow, int pull, long reviewId)
    {
        await UntilAsync(() => Task.FromResult(Reply(flow, pull, reviewId) is { } r && FeedbackReplyRenderer.IsFinal(r.Body)),
            $"GitBot's final reply to review {reviewId}", TimeSpan.FromSeconds(90));
        return Reply(flow, pull, reviewId)!;
    }

    /// <summary>How many feedback conversations the model saw (first requests of conversations carrying the feedback prompt).</summary>
    public static int Conversations(FlowHarness flow) =>
        flow.Model.Requests.Count(r => r.IsMessages && r.AssistantTurns == 0 && r.FirstUserText.Contains(FeedbackPromptBuilder.Heading, StringComparison.Ordinal));

    /// <summary>The feedback jobs queued or running on the agent-task scheduler.</summary>
    public static Task<long> QueuedJobsAsync(FlowHarness flow) =>
        flow.Server.ScalarAsync<long>($"SELECT COUNT(*) FROM qrtz_job_details WHERE job_group = '{FeedbackJobKeys.Group}'");

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "Timed out waiting for: " + what);
            await Task.Delay(150);
        }
    }
}

/// <summary>A pull request the tests opened: its issue, number, head branch and head commit.</summary>
internal sealed record OpenedPull(int Issue, int Number, string Branch, string HeadSha);
