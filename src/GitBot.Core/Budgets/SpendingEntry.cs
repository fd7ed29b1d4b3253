namespace GitBot.Core.Budgets;

/// <summary>
/// One agent run's cost outside a plan's tasks. <paramref name="Key"/> identifies the run (the fix command's comment or
/// review id, the feedback review id, <c>runId/attempt/agent</c> of a review run); recording the same
/// (<paramref name="Repository"/>, <paramref name="IssueNumber"/>, <paramref name="Source"/>, <paramref name="Key"/>)
/// twice changes nothing, so a redelivered or retried job never counts twice.
/// </summary>
/// <param name="Repository"><c>owner/name</c>.</param>
/// <param name="IssueNumber">The issue whose budget the run spent.</param>
/// <param name="Source">What kind of run it was.</param>
/// <param name="Key">The run's identity within its source.</param>
/// <param name="CostUsd">What the run cost in US dollars (exact).</param>
public sealed record SpendingEntry(string Repository, int IssueNumber, SpendingSource Source, string Key, decimal CostUsd);
