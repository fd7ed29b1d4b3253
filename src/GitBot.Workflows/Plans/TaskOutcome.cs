using GitBot.Core.Plans;

namespace GitBot.Workflows.Plans;

/// <summary>How one run attempt of a task ended, as the runner reports it to the state machine.</summary>
/// <param name="State">Succeeded, Failed, NeedsHuman, or Cancelled (the run noticed it was no longer wanted).</param>
/// <param name="Reason">Why, for users; null on success.</param>
/// <param name="Retryable">For Failed: whether another attempt may help (an agent error, a timeout) or not (a refused change).</param>
/// <param name="CostUsd">What this attempt spent.</param>
/// <param name="CommitSha">The task's commit on success (null when the agent changed nothing).</param>
public sealed record TaskOutcome(TaskState State, string? Reason, bool Retryable, decimal CostUsd, string? CommitSha)
{
    public static TaskOutcome Fail(string reason, bool retryable, decimal cost) => new(TaskState.Failed, reason, retryable, cost, null);
}
