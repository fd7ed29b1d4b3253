using GitBot.Core.Reviews.Gate;

namespace GitBot.Workflows.Reviews;

/// <summary>What one recompute did: the decision posted and the run it went to, or why nothing was posted.</summary>
/// <param name="Decision">The decision posted; null when skipped.</param>
/// <param name="CheckRunId">The <c>gitbot/gate</c> run written; null when skipped.</param>
/// <param name="Skipped">Why nothing was posted (not a GitBot PR, closed, token mode); null when posted.</param>
public sealed record GateRecomputeResult(GateDecision? Decision, long? CheckRunId, string? Skipped)
{
    public static GateRecomputeResult Skip(string reason) => new(null, null, reason);
}
