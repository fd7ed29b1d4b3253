using GitBot.Core.Plans;

namespace GitBot.Server.Tests.Plans;

/// <summary>Agents that succeed without changing anything end the plan successfully, with a note instead of an empty pull request.</summary>
public sealed class NoChangeTests
{
    [Fact]
    public async Task Tasks_that_change_nothing_succeed_and_the_issue_is_told_there_is_no_pull_request()
    {
        await using var flow = await FlowHarness.StartAsync(FailureFlow.NoModel(), FailureFlow.CommandConfig("true"));

        var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Check things", "- [ ] Look\n- [ ] Look again", "alice", ["agent"], CancellationToken.None);
        var done = await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished, TimeSpan.FromSeconds(50));

        Assert.True(done.Plan.State == PlanState.Succeeded, FlowHarness.Describe(done));
        Assert.Null(done.Plan.PullRequestNumber);
        Assert.All(done.Tasks, t => Assert.Null(t.CommitSha));
        var report = Assert.Single(FailureFlow.Issue(flow, issue).Comments, c => c.Body.Contains("gitbot:report:", StringComparison.Ordinal));
        Assert.Contains("no pull request", report.Body, StringComparison.Ordinal);
        Assert.Null(flow.GitHub.GetPullRequest(FlowHarness.Repo, issue + 1));
    }
}
