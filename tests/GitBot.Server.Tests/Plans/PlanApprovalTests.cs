using GitBot.Core.Plans;

namespace GitBot.Server.Tests.Plans;

/// <summary>
/// <c>plan_approval: true</c>: the plan is posted and nothing runs until a user with write access comments
/// <c>/agent approve</c>; a read-only user's approval is refused politely and changes nothing.
/// </summary>
public sealed class PlanApprovalTests
{
    [Fact]
    public async Task Plan_waits_for_approve_from_a_writer_and_a_reader_is_refused()
    {
        var config = FailureFlow.CommandConfig("echo approved > approved.txt");
        config[".github/gitbot.yml"] = "plan_approval: true\n" + config[".github/gitbot.yml"];
        await using var flow = await FlowHarness.StartAsync(FailureFlow.NoModel(), config);

        var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Needs a nod", "- [ ] Write approved.txt", "alice", ["agent"], CancellationToken.None);
        var waiting = await flow.WaitForPlanAsync(issue, p => p.Plan.State == PlanState.AwaitingApproval, TimeSpan.FromSeconds(30));
        Assert.All(waiting.Tasks, t => Assert.Equal(TaskState.Pending, t.State));
        await FailureFlow.UntilAsync(
            () => FailureFlow.Issue(flow, issue).Comments.Any(c => c.Body.Contains("/agent approve", StringComparison.Ordinal) && c.Body.Contains("gitbot:plan:", StringComparison.Ordinal)),
            "the plan comment asking for /agent approve");

        await flow.GitHub.CommentAsync(FlowHarness.Repo, issue, "/agent approve", "rita", CancellationToken.None);
        await FailureFlow.UntilAsync(
            () => FailureFlow.Issue(flow, issue).Comments.Any(c => c.Body.Contains("@rita", StringComparison.Ordinal) && c.Body.Contains("write access", StringComparison.Ordinal)),
            "a polite refusal for rita");
        var stillWaiting = await flow.Plans.FindLatestAsync(FlowHarness.Repo, issue, CancellationToken.None);
        Assert.Equal(PlanState.AwaitingApproval, stillWaiting!.Plan.State);

        await flow.GitHub.CommentAsync(FlowHarness.Repo, issue, "/agent approve", "alice", CancellationToken.None);
        var done = await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished, TimeSpan.FromSeconds(60));
        Assert.True(done.Plan.State == PlanState.Succeeded, FlowHarness.Describe(done));
        Assert.NotNull(done.Plan.PullRequestNumber);
        Assert.Equal("approved\n", await FlowHarness.GitAsync(flow.Repository.BareRepositoryPath, "show", $"gitbot/{issue}:approved.txt"));
    }
}
