using GitBot.Core.Budgets;
using GitBot.Core.Plans;
using GitBot.Server.Tests.Plans;
using GitBot.Server.Tests.Reviews;
using GitBot.Workflows.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace GitBot.Server.Tests.Commands;

/// <summary>
/// <c>/agent budget &lt;usd&gt;</c> end to end: the override is stored with who set it, the reply gives the budget, the
/// spending and what is left; a read-only user changes nothing; a budget below the spending keeps new tasks from starting.
/// </summary>
public sealed class BudgetCommandTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Budget_on_an_issue_with_a_plan_replies_with_the_figures_and_a_budget_below_the_spending_keeps_tasks_from_starting()
    {
        var config = FailureFlow.CommandConfig("echo done > done.txt");
        config[".github/gitbot.yml"] = "plan_approval: true\n" + config[".github/gitbot.yml"];
        await using var flow = await FlowHarness.StartAsync(ReviewScripts.Script(), config);
        var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Costly", "- [ ] Write done.txt", "alice", ["agent"], None);
        var waiting = await flow.WaitForPlanAsync(issue, p => p.Plan.State == PlanState.AwaitingApproval, TimeSpan.FromSeconds(30));

        // What earlier runs spent, as the task runner records it.
        var builder = new PlanChangeBuilder(waiting, DateTimeOffset.UtcNow, "test");
        builder.SetTask(waiting.Tasks[0] with { CostUsd = 4.25m });
        Assert.True(await flow.Plans.ApplyAsync(builder.Build()!, None));
        var budgets = flow.Server.App.Services.GetRequiredService<IIssueBudgetStore>();

        var set = await flow.GitHub.CommentAsync(FlowHarness.Repo, issue, "/agent budget 12.50", "alice", None);
        var reply = await CommandWait.ForReplyAsync(flow.GitHub, issue, set.Id);
        await CommandWait.ForReactionAsync(flow.GitHub, issue, set.Id, "rocket");
        Assert.Contains($"Budget of #{issue} set to $12.50 by @alice; spent $4.25; $8.25 left.", reply.Body, StringComparison.Ordinal);
        var stored = await budgets.FindAsync(FlowHarness.Repo, issue, None);
        Assert.Equal((12.50m, "alice"), (stored!.BudgetUsd, stored.SetBy));

        // A read-only user is refused by the intake and changes nothing.
        var byReader = await flow.GitHub.CommentAsync(FlowHarness.Repo, issue, "/agent budget 900", "rita", None);
        var refusal = await CommandWait.ForReplyAsync(flow.GitHub, issue, byReader.Id);
        await CommandWait.ForReactionAsync(flow.GitHub, issue, byReader.Id, "confused");
        Assert.Contains("@rita", refusal.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("set to $900", refusal.Body, StringComparison.Ordinal);
        Assert.Equal(12.50m, (await budgets.FindAsync(FlowHarness.Repo, issue, None))!.BudgetUsd);

        // Below the spending: stored anyway, and the reply says no new task starts; approving then blocks the task.
        var lower = await flow.GitHub.CommentAsync(FlowHarness.Repo, issue, "/agent budget 3", "alice", None);
        var lowered = await CommandWait.ForReplyAsync(flow.GitHub, issue, lower.Id);
        Assert.Contains("set to $3.00", lowered.Body, StringComparison.Ordinal);
        Assert.Contains("spent $4.25; $0.00 left", lowered.Body, StringComparison.Ordinal);
        Assert.Contains("no new task starts until the budget is raised", lowered.Body, StringComparison.Ordinal);
        Assert.Equal(3m, (await budgets.FindAsync(FlowHarness.Repo, issue, None))!.BudgetUsd);

        var approve = await flow.GitHub.CommentAsync(FlowHarness.Repo, issue, "/agent approve", "alice", None);
        await CommandWait.ForReplyAsync(flow.GitHub, issue, approve.Id);
        var blocked = await flow.WaitForPlanAsync(issue, p => p.Tasks.All(t => t.State == TaskState.Blocked), TimeSpan.FromSeconds(60));
        Assert.Contains("budget of $3.00 is spent", blocked.Tasks[0].Reason ?? "", StringComparison.Ordinal);
        Assert.Equal(4.25m, blocked.Tasks.Sum(t => t.CostUsd));
        Assert.Empty(flow.GitHub.RejectedRequests);
    }
}
