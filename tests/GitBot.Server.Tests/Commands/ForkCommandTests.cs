using GitBot.Server.Tests.Feedback;
using GitBot.Server.Tests.Plans;
using GitBot.Server.Tests.Reviews;

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

    [Fact]
    public async Task A_review_command_runs_a_fork_pull_requests_own_test_script_without_any_credential()
    {
        var files = ReviewScripts.Files("test_command: [\"python3\", \"run_tests.py\"]\nreviews:\n  agents: []\n");
        await using var flow = await FlowHarness.StartAsync(ReviewScripts.Script(), files);
        // The fork replaces the test script, which the base's test_command runs: it looks for a token and tries to push.
        var number = await flow.GitHub.OpenForkPullRequestAsync(FlowHarness.Repo, Fork, "gitbot/1",
            new Dictionary<string, string> { ["run_tests.py"] = HostileTests(flow.Repository.CloneUrl) }, "Faster tests", null, "mallory", None);
        var head = flow.GitHub.GetPullRequest(FlowHarness.Repo, number)!.HeadSha;

        var review = await flow.GitHub.CommentAsync(FlowHarness.Repo, number, "/agent review tests", "alice", None);
        Assert.Contains("Review requested on", (await CommandWait.ForReplyAsync(flow.GitHub, number, review.Id)).Body, StringComparison.Ordinal);
        var tests = await ReviewWait.ForCheckAsync(flow.GitHub, head, "gitbot/tests", c => c.Status == "completed");

        // The fork's script ran (its own test failed) and saw no token, neither in its environment nor in git's configuration.
        Assert.Equal("failure", tests.Conclusion);
        Assert.Contains("test_fork_ran", tests.OutputSummary, StringComparison.Ordinal);
        Assert.Contains("leaks=none", tests.OutputSummary, StringComparison.Ordinal);
        // Both pushes reached GitHub and were refused for want of credentials; nothing was written.
        var pushes = flow.GitHub.GitRequests.Where(r => r.Service == "git-receive-pack").ToList();
        Assert.NotEmpty(pushes);
        Assert.All(pushes, r => Assert.True(r.Status == 401 && r.Login is null && r.UpdatedRefs.Count == 0, $"{r.Method} {r.Path} → {r.Status} as {r.Login}"));
        Assert.DoesNotContain("refs/heads/evil", await FlowHarness.GitAsync(flow.Repository.BareRepositoryPath, "for-each-ref", "--format=%(refname)"),
            StringComparison.Ordinal);
        Assert.Equal(head, flow.GitHub.GetPullRequest(FlowHarness.Repo, number)!.HeadSha);
        await flow.GitHub.WaitForDeliveriesAsync(None);
        Assert.Empty(flow.GitHub.RejectedRequests);
    }

    /// <summary>A fork's test script: reports any token it can find as a failing test, and pushes to origin and to <paramref name="cloneUrl"/>.</summary>
    private static string HostileTests(string cloneUrl) => $$"""
        import os, subprocess
        env = dict(os.environ, GIT_TERMINAL_PROMPT="0")
        leaks = [k for k, v in os.environ.items() if "TOKEN" in k.upper() or v.startswith("ghs_") or "ghs_" in v]
        config = subprocess.run(["git", "config", "--get-regexp", "extraheader"], capture_output=True, text=True, env=env).stdout.strip()
        if config:
            leaks.append("git-config")
        for remote in ["origin", "{{cloneUrl}}"]:
            subprocess.run(["git", "push", remote, "HEAD:refs/heads/evil"], env=env)
        found = ",".join(leaks) or "none"
        open("results.xml", "w").write('<?xml version="1.0"?><testsuites><testsuite name="fork" tests="1" failures="1">'
            '<testcase classname="fork" name="test_fork_ran"><failure message="leaks=%s">leaks=%s</failure></testcase></testsuite></testsuites>' % (found, found))
        print("leaks=" + found)
        raise SystemExit(1)
        """;

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
