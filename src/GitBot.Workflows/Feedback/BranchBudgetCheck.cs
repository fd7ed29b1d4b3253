using System.Globalization;

namespace GitBot.Workflows.Feedback;

/// <summary>What is left of an issue's budget when an agent run on its pull request's branch is about to start.</summary>
/// <param name="IssueNumber">The issue whose budget the run spends.</param>
/// <param name="IssueLimitUsd">The issue's budget: its <c>/agent budget</c> override, else <c>limits.issue_budget_usd</c>.</param>
/// <param name="SpentUsd">What the issue has spent: every plan's task costs and every recorded fix, feedback and review run.</param>
/// <param name="RunBudgetUsd">The run's own budget: <c>limits.task_budget_usd</c>, capped by what is left; zero when nothing is.</param>
public sealed record BranchBudgetCheck(int IssueNumber, decimal IssueLimitUsd, decimal SpentUsd, decimal RunBudgetUsd)
{
    /// <summary>True when nothing is left: the agent must not start.</summary>
    public bool IsSpent => RunBudgetUsd <= 0m;

    /// <summary>
    /// The reply of a run that did not start: the figures and how to continue. GitBot's own words and numbers only, so it
    /// needs no sanitizing.
    /// </summary>
    public string Refusal() =>
        $"The budget of #{IssueNumber.ToString(CultureInfo.InvariantCulture)} ({Usd(IssueLimitUsd)}) is spent ({Usd(SpentUsd)} spent): "
        + "raise it with `/agent budget <usd>` and ask again.";

    private static string Usd(decimal amount) => "$" + amount.ToString("0.00", CultureInfo.InvariantCulture);
}
