using GitBot.Server.Tests.Feedback;
using GitBot.Server.Tests.Plans;

namespace GitBot.Server.Tests.Commands;

/// <summary>
/// Commands on pull requests from forks never run agents with write credentials (issue 5, Authorization). A fork
/// <c>mallory/widgets</c> opens a pull request into <c>octo/widgets</c> from a branch named like GitBot's
/// (<c>gitbot/1</c>), while the repository has its own <c>gitbot/1</c> holding the same typo, so a GitBot that looked
/// only at the branch name would find a fixable GitBot branch. A writer's <c>/agent fix</c>, <c>/agent rebase</c> and
/// "request changes" review on the fork's pull request are refused: a reply saying why (the review: nothing), no job, no
/// model request, nothing pushed, neither head moved, and every request GitBot made valid against GitHub's description.
/// </summary>
public sealed class ForkCommandTests
{
    private const string Fork = "mallory/widgets";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Fix_and_rebase_on_a_fork_pull_request_named_like_GitBots_are_refused_and_run_nothing()
    {
        await using var flow = await FixFlow.StartAsync();
        var fork = await OpenForkPullAsync(flow);
        // The base moved on, so a rebase would have something to merge.
        await flow.GitHub.CommitFilesAsync(FlowHarness.Repo, flow.Repository.DefaultBranch,
            new Dictionary<string, string> { ["elsewhere.txt"] = "from main\n" }, "Meanwhile on main", "alice", None);

        var fix = await flow.GitHub.CommentAsync(FlowHarness.Repo, fork.Number, FixFlow.Command, "alice", None);
        var fixReply = await CommandWait.ForReplyAsync(flow.GitHub, fork.Number, fix.Id);
        Assert.Contains("This pull request comes from another repository", fixReply.Body, StringComparison.Ordinal);
        Assert.Contains("fix works on GitBot's pull requests (a branch GitBot made in this repository); nothing was done.", fixReply.Body,
            StringComparison.Ordinal);
        await CommandWait.ForReactionAsync(flow.GitHub, fork.Number, fix.Id, "confused");
        await CommandWait.CommentProcessedAsync(flow.GitHub, flow.Server, fix.Id);
        Assert.DoesNotContain("rocket", flow.GitHub.GetIssue(FlowHarness.Repo, fork.Number)!.Comments.Single(c => c.Id == fix.Id).Reactions);

        var rebase = await flow.GitHub.CommentAsync(FlowHarness.Repo, fork.Number, "/agent rebase", "alice", None);
        var rebaseReply = await CommandWait.ForReplyAsync(flow.GitHub, fork.Number, rebase.Id);
        Assert.Contains("Rebase works on GitBot's pull requests (branches `gitbot/<issue>` in this repository); this one is not, so nothing was changed.",
            rebaseReply.Body, StringComparison.Ordinal);
        await CommandWait.ForReactionAsync(flow.GitHub, fork.Number, rebase.Id, "confused");
        await CommandWait.CommentProcessedAsync(flow.GitHub, flow.Server, rebase.Id);

        Assert.Equal(0, await FixFlow.JobsAsync(flow));
        Assert.Equal(0, FixFlow.Conversations(flow));
        Assert.Empty(flow.Model.Requests);
        await AssertUntouchedAsync(flow, fork);
    }

    [Fact]
    public async Task Request_changes_on_a_fork_pull_request_named_like_GitBots_runs_no_feedback_agent()
    {
        await using var flow = await FixFlow.StartAsync();
        var fork = await OpenForkPullAsync(flow);

        var reviewId = await flow.GitHub.SubmitReviewAsync(FlowHarness.Repo, fork.Number, "alice", "REQUEST_CHANGES", FeedbackFlow.ReviewBody, None);
        var delivery = await FeedbackFlow.ReviewDeliveryAsync(flow, reviewId);
        await FeedbackFlow.WaitProcessedAsync(flow, delivery.Guid.ToString());

        // Ignored before anything is asked or queued: no feedback audit line, no job, no conversation, no reply.
        Assert.Equal(0L, await flow.Server.ScalarAsync<long>(
            $"SELECT COUNT(*) FROM audit_log WHERE action LIKE 'feedback.%' AND delivery_id = '{delivery.Guid}'"));
        Assert.Equal(0L, await FeedbackFlow.QueuedJobsAsync(flow));
        Assert.Equal(0, FeedbackFlow.Conversations(flow));
        Assert.Empty(flow.Model.Requests);
        Assert.Null(FeedbackFlow.Reply(flow, fork.Number, reviewId));
        await AssertUntouchedAsync(flow, fork);
    }

    /// <summary>
    /// Issue #1, the repository's own <c>gitbot/1</c> holding the typo (no pull request), and the fork's pull request
    /// from its <c>gitbot/1</c> holding the same typo.
    /// </summary>
    private static async Task<ForkPull> OpenForkPullAsync(FlowHarness flow)
    {
        var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Write the notes", "Notes, please.", "alice", [], None);
        var branch = $"gitbot/{issue}";
        var typo = new Dictionary<string, string> { [FeedbackFlow.File] = FeedbackFlow.Typo };
        var own = await flow.GitHub.CommitFilesAsync(FlowHarness.Repo, branch, typo, "Write the notes", "alice", None);
        var number = await flow.GitHub.OpenForkPullRequestAsync(FlowHarness.Repo, Fork, branch, typo, "Write the notes", $"Closes #{issue}", "mallory", None);
        var pull = flow.GitHub.GetPullRequest(FlowHarness.Repo, number)!;
        Assert.Equal(Fork, pull.HeadRepository);
        Assert.Equal(branch, pull.HeadRef);
        return new ForkPull(number, branch, pull.HeadSha, own);
    }

    /// <summary>Neither head moved, nothing was pushed, and GitHub would have accepted every request GitBot made.</summary>
    private static async Task AssertUntouchedAsync(FlowHarness flow, ForkPull fork)
    {
        var bare = flow.Repository.BareRepositoryPath;
        Assert.Equal(fork.HeadSha, flow.GitHub.GetPullRequest(FlowHarness.Repo, fork.Number)!.HeadSha);
        Assert.Equal(fork.HeadSha, (await FlowHarness.GitAsync(bare, "rev-parse", $"refs/pull/{fork.Number}/head")).Trim());
        Assert.Equal(fork.OwnBranchSha, (await FlowHarness.GitAsync(bare, "rev-parse", $"refs/heads/{fork.Branch}")).Trim());
        Assert.DoesNotContain(flow.GitHub.GitRequests, r => r.Service == "git-receive-pack");
        await flow.GitHub.WaitForDeliveriesAsync(None);
        Assert.Empty(flow.GitHub.RejectedRequests);
    }

    private sealed record ForkPull(int Number, string Branch, string HeadSha, string OwnBranchSha);
}
