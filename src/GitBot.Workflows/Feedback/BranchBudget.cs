using GitBot.Core.Budgets;
using GitBot.Core.Configuration;

namespace GitBot.Workflows.Feedback;

/// <summary>
/// The issue budget of an agent run on a GitBot pull request's branch (review feedback, <c>/agent fix</c>). Before the
/// agent starts, <see cref="CheckAsync"/> says what is left of the issue's budget (nothing left: the run must not
/// start; otherwise the run's budget is <c>limits.task_budget_usd</c> capped by it). After the agent ran, whatever the
/// outcome, <see cref="RecordAsync"/> adds its cost to the issue's spending, once per run key.
/// </summary>
public sealed class BranchBudget(IIssueBudgetStore budgets, IIssueSpendingStore spending)
{
    public async Task<BranchBudgetCheck> CheckAsync(string repository, int issueNumber, RepoLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var limit = IssueBudgets.IssueLimit(limits, await budgets.FindAsync(repository, issueNumber, cancellationToken));
        var spent = await spending.GetSpentAsync(repository, issueNumber, null, cancellationToken);
        return new BranchBudgetCheck(issueNumber, limit, spent, IssueBudgets.TaskLimit(limits, limit, spent));
    }

    /// <summary>
    /// Adds the run's cost to the issue's spending when there was any. Not cancellable: a run that spent money is
    /// counted even when the node is stopping. A run recorded before (same source and key) is not counted again.
    /// </summary>
    public async Task RecordAsync(string repository, int issueNumber, SpendingSource source, string key, decimal costUsd)
    {
        if (costUsd > 0m)
        {
            await spending.RecordAsync(new SpendingEntry(repository, issueNumber, source, key, costUsd), CancellationToken.None);
        }
    }
}
