using GitBot.Core.Reviews.Gate;

namespace GitBot.Workflows.Reviews;

/// <summary>What one recompute did: the decision posted and the run it went to, or why nothing was posted; and the merge, when one was tried.</summary>
/// <param name="Decision">The decision posted; null when skipped.</param>
/// <param name="CheckRunId">The <c>gitbot/gate</c> run written; null when skipped.</param>
/// <param name="Skipped">Why nothing was posted (not a pull request the gate looks after, closed, token mode); null when posted.</param>
/// <param name="Merge">The merge tried because the gate was green and a merge was wanted; null when none was tried.</param>
public sealed record GateRecomputeResult(GateDecision? Decision, long? CheckRunId, string? Skipped, GateMergeResult? Merge = null)
{
    public static GateRecomputeResult Skip(string reason) => new(null, null, reason);
}
