using GitBot.Server.Tests.Plans;

namespace GitBot.Server.Tests.Commands;

/// <summary><c>/agent plan</c> end to end: an issue without a plan is refused; a finished plan is followed by a new plan record and comment.</summary>
public sealed class ReplanCommandTests
{
    [Fact]
    public async Task Plan_on_an_issue_with_a_finished_plan_makes_a_new_plan_and_its_comment()
    {
        await using var flow = await FlowHarness.StartAsync(FailureFlow.NoModel(), FailureFlow.CommandConfig("echo planned >> planned.txt", "max_retries: 0"));

        var bare = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Untouched", "Nothing here", "alice", [], CancellationToken.None);
        var early = await flow.GitHub.CommentAsync(FlowHarness.Repo, bare, "/agent plan", "alice", CancellationToken.None);
        Assert.Contains("has no plan to make again", (await CommandWait.ForReplyAsync(flow.GitHub, bare, early.Id)).Body, StringComparison.Ordinal);
        Assert.Null(await flow.Plans.FindLatestAsync(FlowHarness.Repo, bare, CancellationToken.None));

        var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Plan me", "- [ ] Append to planned.txt", "alice", ["agent"], CancellationToken.None);
        var first = await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished, TimeSpan.FromSeconds(60));

        var replan = await flow.GitHub.CommentAsync(FlowHarness.Repo, issue, "/agent plan", "alice", CancellationToken.None);
        var reply = await CommandWait.ForReplyAsync(flow.GitHub, issue, replan.Id);
        Assert.Contains($"Re-planning #{issue} for @alice", reply.Body, StringComparison.Ordinal);
        Assert.Contains("rocket", (await CommandWait.ForReactionAsync(flow.GitHub, issue, replan.Id, "rocket")).Reactions);

        var second = await flow.WaitForPlanAsync(issue, p => p.Plan.Id != first.Plan.Id && p.Tasks.Count == 1, TimeSpan.FromSeconds(60));
        Assert.Equal("alice", second.Plan.RequestedBy);
        Assert.Equal("agent", second.Plan.TriggerLabel);
        await FailureFlow.UntilAsync(
            () => FailureFlow.Issue(flow, issue).Comments.Any(c => c.Body.Contains($"<!-- gitbot:plan:{second.Plan.Id} -->", StringComparison.Ordinal)),
            "the new plan's comment", TimeSpan.FromSeconds(30));
        Assert.Equal(first.Plan.State, (await flow.Plans.GetAsync(first.Plan.Id, CancellationToken.None))!.Plan.State);

        // Let the new plan end before the harness stops.
        await flow.WaitForPlanAsync(issue, p => p.Plan.Id == second.Plan.Id && p.Plan.IsFinished, TimeSpan.FromSeconds(90));
        Assert.Empty(flow.GitHub.RejectedRequests);
    }
}
