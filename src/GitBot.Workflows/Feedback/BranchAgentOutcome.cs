namespace GitBot.Workflows.Feedback;

/// <summary>What a <see cref="BranchAgentStep"/> run did.</summary>
/// <param name="Result">How it ended.</param>
/// <param name="CommitSha">The agent's commit (pushed, or refused because the branch moved).</param>
/// <param name="Reason">Why, for users (unscrubbed: replies scrub it); the agent's summary when it changed nothing.</param>
/// <param name="CostUsd">What the agent spent.</param>
public sealed record BranchAgentOutcome(BranchAgentResult Result, string? CommitSha, string? Reason, decimal CostUsd)
{
    public static BranchAgentOutcome Fail(string reason, decimal cost = 0m) => new(BranchAgentResult.Failed, null, reason, cost);
}
