using GitBot.Server.Tests.Feedback;
using GitBot.Server.Tests.Plans;
using GitBot.Workflows.Commands;

namespace GitBot.Server.Tests.Commands;

/// <summary>
/// When <c>/agent fix</c> does nothing: a reader's command, a person's pull request, an issue, and a sender whose write
/// permission is gone by the time the job starts. None of them reaches the model or pushes anything.
/// </summary>
public sealed class FixRefusalTests
{
    [Fact]
    public async Task A_read_only_users_fix_is_refused_with_a_reply_and_no_job_or_model_request()
    {
        await using var flow = await FixFlow.StartAsync();
        var pull = await FeedbackFlow.OpenPullAsync(flow);

        var comment = await flow.GitHub.CommentAsync(FlowHarness.Repo, pull.Number, FixFlow.Command, "rita", CancellationToken.None);

        var reply = await CommandWait.ForReplyAsync(flow.GitHub, pull.Number, comment.Id);
        Assert.Contains("needs write access", reply.Body, StringComparison.Ordinal);
        await CommandWait.ForReactionAsync(flow.GitHub, pull.Number, comment.Id, "confused");
        await CommandWait.CommentProcessedAsync(flow.GitHub, flow.Server, comment.Id);
        Assert.Equal(0, await FixFlow.JobsAsync(flow));
        Assert.Empty(flow.Model.Requests);
        Assert.Equal(pull.HeadSha, flow.GitHub.GetPullRequest(FlowHarness.Repo, pull.Number)!.HeadSha);
    }

    [Fact]
    public async Task Fix_is_refused_on_a_persons_pull_request_and_points_from_an_issue_to_its_pull_request()
    {
        await using var flow = await FixFlow.StartAsync();
        var (human, humanHead) = await CommandAccessTests.OpenHumanPullRequestAsync(flow);
        var pull = await FeedbackFlow.OpenPullAsync(flow);
        var bare = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Nothing yet", null, "alice", [], CancellationToken.None);

        var onHuman = await flow.GitHub.CommentAsync(FlowHarness.Repo, human, FixFlow.Command, "alice", CancellationToken.None);
        var onIssue = await flow.GitHub.CommentAsync(FlowHarness.Repo, pull.Issue, FixFlow.Command, "alice", CancellationToken.None);
        var onBare = await flow.GitHub.CommentAsync(FlowHarness.Repo, bare, FixFlow.Command, "alice", CancellationToken.None);

        Assert.Contains("fix works on GitBot's pull requests", (await CommandWait.ForReplyAsync(flow.GitHub, human, onHuman.Id)).Body, StringComparison.Ordinal);
        await CommandWait.ForReactionAsync(flow.GitHub, human, onHuman.Id, "confused");
        Assert.Contains($"write it on #{pull.Number}", (await CommandWait.ForReplyAsync(flow.GitHub, pull.Issue, onIssue.Id)).Body, StringComparison.Ordinal);
        Assert.Contains("no open GitBot pull request", (await CommandWait.ForReplyAsync(flow.GitHub, bare, onBare.Id)).Body, StringComparison.Ordinal);
        Assert.Equal(0, await FixFlow.JobsAsync(flow));
        Assert.Empty(flow.Model.Requests);
        Assert.Equal(humanHead, flow.GitHub.GetPullRequest(FlowHarness.Repo, human)!.HeadSha);
    }

    [Fact]
    public async Task A_permission_revoked_before_the_job_starts_refuses_it_at_start()
    {
        await using var flow = await FixFlow.StartAsync();
        var pull = await FeedbackFlow.OpenPullAsync(flow);
        await FixFlow.PauseAsync(flow);

        var comment = await flow.GitHub.CommentAsync(FlowHarness.Repo, pull.Number, FixFlow.Command, "alice", CancellationToken.None);
        await FixFlow.ForStateAsync(flow, pull.Number, comment.Id, FixReplyState.Queued);
        Assert.Equal(1, await FixFlow.JobsAsync(flow));
        flow.GitHub.SetPermission(FlowHarness.Repo, "alice", "read");
        await FixFlow.ResumeAsync(flow);

        var reply = await FixFlow.ForStateAsync(flow, pull.Number, comment.Id, FixReplyState.Refused);
        Assert.Contains("no longer has write access", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("@", reply.Body, StringComparison.Ordinal);
        await CommandWait.ForReactionAsync(flow.GitHub, pull.Number, comment.Id, "confused");
        await FeedbackFlow.UntilAsync(async () => await FixFlow.JobsAsync(flow) == 0, "the fix job to be gone");
        Assert.Empty(flow.Model.Requests);
        Assert.Equal(pull.HeadSha, flow.GitHub.GetPullRequest(FlowHarness.Repo, pull.Number)!.HeadSha);
    }
}
