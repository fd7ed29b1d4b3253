namespace GitBot.Core.Budgets;

/// <summary>
/// An issue's spending: the sum of all its agent costs. Plan tasks keep their costs on the task rows; every other run
/// (fixes, feedback, reviews) is recorded here as a <see cref="SpendingEntry"/>.
/// </summary>
public interface IIssueSpendingStore
{
    /// <summary>True when recorded; false when an entry with the same repository, issue, source and key exists (nothing changes).</summary>
    Task<bool> RecordAsync(SpendingEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// What the issue has spent: the task costs of every plan of the issue except <paramref name="exceptPlanId"/>'s
    /// (a caller holding that plan's snapshot sums it itself), plus every recorded entry. Zero for an unknown issue.
    /// </summary>
    Task<decimal> GetSpentAsync(string repository, int issueNumber, long? exceptPlanId, CancellationToken cancellationToken);
}
