namespace GitBot.Core.Budgets;

/// <summary>Issue budget overrides: one per issue, the newest write wins.</summary>
public interface IIssueBudgetStore
{
    /// <summary>Sets (or replaces) the issue's budget; the store stamps <see cref="IssueBudgetRecord.SetAt"/> and returns what it stored.</summary>
    Task<IssueBudgetRecord> SetAsync(string repository, int issueNumber, decimal budgetUsd, string setBy, CancellationToken cancellationToken);

    /// <summary>The issue's override, or null when its budget is the configured default.</summary>
    Task<IssueBudgetRecord?> FindAsync(string repository, int issueNumber, CancellationToken cancellationToken);
}
