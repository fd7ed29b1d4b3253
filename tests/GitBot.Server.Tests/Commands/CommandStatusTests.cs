using GitBot.Core.Plans;
using GitBot.Server.Tests.Plans;
using GitBot.Server.Tests.Reviews;

namespace GitBot.Server.Tests.Commands;

/// <summary><c>/agent status</c> and <c>/agent approve</c> end to end: the plan on its issue, then the reviews, gate and plan on GitBot's pull request.</summary>
public sealed class CommandStatusTests
{
    [Fact]
    public async Task Status_shows_the_plan_on_the_issue_approve_starts_it_and_status_on_the_pull_request_shows_reviews_gate_and_plan()
    {
        var config = FailureFlow.CommandConfig("echo approved > approved.txt");
        config[".github/gitbot.yml"] = "plan_approval: true\nreviews:\n  agents: [security]\n" + config[".github/gitbot.yml"];
        await using var flow = await FlowHarness.StartAsync(ReviewScripts.Script(), config);
        flow.GitHub.SetPermission(FlowHarness.Repo, "bob", "write");
        var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Needs a nod", "- [ ] Write approved.txt", "alice", ["agent"], CancellationToken.None);
        await flow.WaitForPlanAsync(issue, p => p.Plan.State == PlanState.AwaitingApproval, TimeSpan.FromSeconds(30));

        // Anyone may ask for the status; only a writer may approve.
        var status = await flow.GitHub.CommentAsync(FlowHarness.Repo, issue, "/agent status\n/agent approve", "rita", CancellationToken.None);
        var statusReply = await CommandWait.ForReplyAsync(flow.GitHub, issue, status.Id);
        Assert.Contains("waiting for", statusReply.Body, StringComparison.Ordinal);
        Assert.Contains("Write approved.txt", statusReply.Body, StringComparison.Ordinal);
        Assert.Contains("Cost so far: **$0.00**", statusReply.Body, StringComparison.Ordinal);
        Assert.Contains("| pending |", statusReply.Body, StringComparison.Ordinal);
        Assert.Contains("@rita", statusReply.Body, StringComparison.Ordinal);
        Assert.Contains("write access", statusReply.Body, StringComparison.Ordinal);
        var reacted = await CommandWait.ForReactionAsync(flow.GitHub, issue, status.Id, "confused");
        Assert.Contains("rocket", reacted.Reactions);
        Assert.Equal(PlanState.AwaitingApproval, (await flow.Plans.FindLatestAsync(FlowHarness.Repo, issue, CancellationToken.None))!.Plan.State);

        var approve = await flow.GitHub.CommentAsync(FlowHarness.Repo, issue, "/agent approve", "alice", CancellationToken.None);
        Assert.Contains("Plan approved by @alice", (await CommandWait.ForReplyAsync(flow.GitHub, issue, approve.Id)).Body, StringComparison.Ordinal);
        var done = await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished, TimeSpan.FromSeconds(90));
        Assert.True(done.Plan.State == PlanState.Succeeded, FlowHarness.Describe(done));
        var number = done.Plan.PullRequestNumber!.Value;
        var head = flow.GitHub.GetPullRequest(FlowHarness.Repo, number)!.HeadSha;
        await ReviewWait.ForCheckAsync(flow.GitHub, head, "gitbot/security", c => c.Status == "completed");

        // On the pull request: the head's reviews, the gate and the plan it came from; asked in a review body too.
        var prStatus = await flow.GitHub.CommentAsync(FlowHarness.Repo, number, "/agent status", "rita", CancellationToken.None);
        var prReply = await CommandWait.ForReplyAsync(flow.GitHub, number, prStatus.Id);
        Assert.Contains("`gitbot/security` | completed", prReply.Body, StringComparison.Ordinal);
        Assert.Contains("`gitbot/gate`", prReply.Body, StringComparison.Ordinal);
        Assert.Contains(head[..7], prReply.Body, StringComparison.Ordinal);
        Assert.Contains($"**Plan** for #{issue}: **succeeded**", prReply.Body, StringComparison.Ordinal);
        Assert.Contains("| succeeded |", prReply.Body, StringComparison.Ordinal);

        var reviewId = await flow.GitHub.SubmitReviewAsync(FlowHarness.Repo, number, "bob", "COMMENT", "Where are we?\n/agent status", CancellationToken.None);
        var reviewReply = await CommandWait.ForReplyAsync(flow.GitHub, number, reviewId, source: "review");
        Assert.Contains("`gitbot/gate`", reviewReply.Body, StringComparison.Ordinal);
        Assert.Empty(flow.GitHub.RejectedRequests);
    }
}
