namespace GitBot.Core.Budgets;

/// <summary>
/// An issue's budget override, set with <c>/agent budget &lt;usd&gt;</c>: the total model spend allowed for the issue,
/// replacing <c>limits.issue_budget_usd</c> for it. What is left is this minus what the issue's plan has spent.
/// </summary>
/// <param name="Repository"><c>owner/name</c>.</param>
/// <param name="IssueNumber">The issue.</param>
/// <param name="BudgetUsd">The issue's budget in US dollars (exact).</param>
/// <param name="SetBy">The login that set it.</param>
/// <param name="SetAt">When it was set (the store's clock).</param>
public sealed record IssueBudgetRecord(string Repository, int IssueNumber, decimal BudgetUsd, string SetBy, DateTimeOffset SetAt);
