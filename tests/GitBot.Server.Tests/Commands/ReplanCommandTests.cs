using GitBot.Core.Plans;
using GitBot.Server.Tests.Plans;
using GitBot.Simulator.ModelServer;

namespace GitBot.Server.Tests.Commands;

/// <summary>
/// <c>/agent plan</c> end to end: an issue without a plan is refused; a finished plan is followed by a new plan record
/// and comment; while a plan is being made, more <c>/agent plan</c> commands join it instead of paying the planner again.
/// </summary>
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

    [Fact]
    public async Task Plan_commands_while_a_plan_is_being_made_join_it_and_start_no_other_planner()
    {
        // The planner (the real CLI against the scripted model) takes its time, so the plan stays in Planning.
        var script = new ModelScript(ModelScript.When("You are GitBot's planner.", ModelStep.Delay(TimeSpan.FromMinutes(2))));
        await using var flow = await FlowHarness.StartAsync(script, new Dictionary<string, string> { [".github/gitbot.yml"] = "limits:\n  task_timeout: 5m\n" });
        var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Plan me slowly", "Make the widgets faster.", "alice", ["agent"], CancellationToken.None);
        var planning = await flow.WaitForPlanAsync(issue, p => p.Plan.State == PlanState.Planning, TimeSpan.FromSeconds(30));
        await FailureFlow.UntilAsync(() => flow.Model.Requests.Any(r => r.IsMessages && r.FirstUserText.Contains("You are GitBot's planner.", StringComparison.Ordinal)),
            "the planner to ask the model", TimeSpan.FromSeconds(60));

        var burst = await flow.GitHub.CommentAsync(FlowHarness.Repo, issue, "/agent plan\n/agent plan", "alice", CancellationToken.None);
        var reply = await CommandWait.ForReplyAsync(flow.GitHub, issue, burst.Id);
        Assert.Equal(2, CountOf(reply.Body, $"#{issue}'s plan is being made right now (requested by `alice`); this command joins it and nothing was cancelled."));
        Assert.Contains("rocket", (await CommandWait.ForReactionAsync(flow.GitHub, issue, burst.Id, "rocket")).Reactions);

        // Still the one plan, still being made, and the planner was asked once.
        var latest = await flow.Plans.FindLatestAsync(FlowHarness.Repo, issue, CancellationToken.None);
        Assert.Equal((planning.Plan.Id, PlanState.Planning), (latest!.Plan.Id, latest.Plan.State));
        Assert.Single(flow.Model.Requests, r => r.IsMessages && r.AssistantTurns == 0 && r.FirstUserText.Contains("You are GitBot's planner.", StringComparison.Ordinal));
        Assert.Empty(flow.GitHub.RejectedRequests);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
