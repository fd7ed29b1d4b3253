using GitBot.Core.Budgets;
using GitBot.Core.Plans;
using GitBot.Server.Tests.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace GitBot.Server.Tests.Executors;

/// <summary>With the <c>actions</c> executor, as on a worker, nothing is dispatched once the issue's budget is spent.</summary>
public sealed class ActionsBudgetTests
{
    [Fact]
    public async Task A_spent_issue_budget_blocks_the_task_without_dispatching_it()
    {
        await using var flow = await FlowHarness.StartAsync(FailureFlow.NoModel(), ActionsFlow.Files("5m"), ActionsFlow.Settings());
        var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "One step", "- [ ] Only step", "alice", [], CancellationToken.None);
        var spending = flow.Server.App.Services.GetRequiredService<IIssueSpendingStore>();
        await spending.RecordAsync(new SpendingEntry(FlowHarness.Repo, issue, SpendingSource.Fix, "earlier-fix", 10m), CancellationToken.None);
        await flow.GitHub.AddLabelAsync(FlowHarness.Repo, issue, "agent", "alice", CancellationToken.None);

        var blocked = await flow.WaitForPlanAsync(issue, p => p.Tasks.Count == 1 && p.Tasks[0].State == TaskState.Blocked, TimeSpan.FromMinutes(1));
        Assert.Equal(IssueBudgets.SpentReason(10m), blocked.Tasks[0].Reason);
        Assert.Empty(flow.GitHub.GetWorkflowDispatches(FlowHarness.Repo));
        Assert.Empty(flow.GitHub.RejectedRequests);
    }
}
