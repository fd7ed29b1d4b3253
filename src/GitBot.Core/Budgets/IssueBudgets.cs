using System.Globalization;
using GitBot.Core.Configuration;

namespace GitBot.Core.Budgets;

/// <summary>
/// The budget arithmetic, in one place: an issue's budget is its override when one is set, else
/// <c>limits.issue_budget_usd</c>; what is left is that minus what was spent (never below zero); one task run gets the
/// smaller of <c>limits.task_budget_usd</c> and what is left.
/// </summary>
public static class IssueBudgets
{
    private const string SpentPrefix = "the issue's budget of $";

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

    /// <summary>
    /// The reason a task shows when the issue's budget stopped it (or kept it from starting), e.g. "the issue's budget of
    /// $10.00 is spent". <see cref="IsSpentReason"/> recognises it, so reports can say how to continue.
    /// </summary>
    public static string SpentReason(decimal issueLimit) =>
        SpentPrefix + issueLimit.ToString("0.00##", CultureInfo.InvariantCulture) + " is spent";

    /// <summary>True when <paramref name="reason"/> is (or starts with) a <see cref="SpentReason"/>.</summary>
    public static bool IsSpentReason(string? reason) => reason is not null && reason.StartsWith(SpentPrefix, StringComparison.Ordinal);
}
