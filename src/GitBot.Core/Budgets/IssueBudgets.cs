using GitBot.Core.Configuration;

namespace GitBot.Core.Budgets;

/// <summary>
/// The budget arithmetic, in one place: an issue's budget is its override when one is set, else
/// <c>limits.issue_budget_usd</c>; what is left is that minus what was spent (never below zero); one task run gets the
/// smaller of <c>limits.task_budget_usd</c> and what is left.
/// </summary>
public static class IssueBudgets
{
    /// <summary>The issue's budget: <paramref name="budgetOverride"/> when set, else the configured default.</summary>
    public static decimal IssueLimit(RepoLimits limits, IssueBudgetRecord? budgetOverride)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return budgetOverride?.BudgetUsd ?? limits.IssueBudgetUsd;
    }

    /// <summary>What is left of <paramref name="issueLimit"/> after <paramref name="spentUsd"/>; zero when overspent.</summary>
    public static decimal Remaining(decimal issueLimit, decimal spentUsd) => Math.Max(0m, issueLimit - spentUsd);

    /// <summary>The budget of one task run: the task budget, capped by what is left of the issue's.</summary>
    public static decimal TaskLimit(RepoLimits limits, decimal issueLimit, decimal spentUsd)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return Math.Min(limits.TaskBudgetUsd, Remaining(issueLimit, spentUsd));
    }
}
