using GitBot.Core.Plans;

namespace GitBot.Workflows.Plans;

/// <summary>The outcome of a retry.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Plan">The plan after the retry (after it moved on), or as it was when nothing was done; null without a plan.</param>
/// <param name="Retried">The ids of the tasks that went back to Pending, in plan order.</param>
/// <param name="Reopened">True when the plan was finished and is running again (its finish runs again).</param>
/// <param name="Detail">Why nothing was done, for the reply (plain text; task ids and states only).</param>
public sealed record PlanRetryResult(PlanRetryStatus Status, PlanSnapshot? Plan, IReadOnlyList<string> Retried, bool Reopened, string? Detail);
