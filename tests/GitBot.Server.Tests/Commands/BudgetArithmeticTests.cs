using GitBot.Core.Budgets;
using GitBot.Core.Configuration;

namespace GitBot.Server.Tests.Commands;

/// <summary>The budget a task run gets: min(task budget, issue budget − spent), the issue budget being the override when set.</summary>
public sealed class BudgetArithmeticTests
{
    private static readonly RepoLimits Limits = RepoLimits.Default with { TaskBudgetUsd = 2m, IssueBudgetUsd = 10m };

    [Theory]
    [InlineData(null, "0", "2")]      // the configured issue budget, plenty left: the task budget
    [InlineData(null, "9.25", "0.75")] // the configured issue budget almost spent: what is left
    [InlineData(null, "12", "0")]     // overspent: nothing (never negative)
    [InlineData("12.50", "11", "1.50")] // raised above the default: the override counts
    [InlineData("25", "12", "2")]
    [InlineData("3", "0.5", "2")]     // lowered: still the task budget while enough is left
    [InlineData("3", "2.25", "0.75")]
    [InlineData("3", "4.25", "0")]    // lowered below the spending: nothing starts
    public void A_task_run_gets_the_task_budget_capped_by_what_is_left_of_the_issues(string? budgetOverride, string spent, string expected)
    {
        var record = budgetOverride is null ? null : new IssueBudgetRecord("octo/widgets", 12, Usd(budgetOverride), "alice", DateTimeOffset.UnixEpoch);
        var issueLimit = IssueBudgets.IssueLimit(Limits, record);
        Assert.Equal(budgetOverride is null ? 10m : Usd(budgetOverride), issueLimit);
        Assert.Equal(Usd(expected), IssueBudgets.TaskLimit(Limits, issueLimit, Usd(spent)));
        Assert.Equal(Math.Max(0m, issueLimit - Usd(spent)), IssueBudgets.Remaining(issueLimit, Usd(spent)));
    }

    [Theory]
    [InlineData("10", "the issue's budget of $10.00 is spent")]
    [InlineData("0.001", "the issue's budget of $0.001 is spent")]
    [InlineData("12.5", "the issue's budget of $12.50 is spent")]
    public void The_spent_reason_names_the_budget_and_is_recognised_with_whatever_follows(string limit, string expected)
    {
        var reason = IssueBudgets.SpentReason(Usd(limit));
        Assert.Equal(expected, reason);
        Assert.True(IssueBudgets.IsSpentReason(reason + "; its work so far is on `gitbot/1-tasks/1-wip`"));
        Assert.False(IssueBudgets.IsSpentReason("the agent reached the budget ($2) before finishing"));
        Assert.False(IssueBudgets.IsSpentReason(null));
    }

    private static decimal Usd(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
