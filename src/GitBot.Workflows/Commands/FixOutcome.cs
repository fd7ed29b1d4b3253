namespace GitBot.Workflows.Commands;

/// <summary>What an <c>/agent fix</c> job did, for its reply section and its log line.</summary>
/// <param name="State">How it ended (a final <see cref="FixReplyState"/>).</param>
/// <param name="CommitSha">The pushed commit (<see cref="FixReplyState.Pushed"/>).</param>
/// <param name="Reason">Why, for users (unscrubbed: the reply scrubs it); the agent's summary when it changed nothing.</param>
/// <param name="CostUsd">What the agent spent.</param>
/// <param name="Earlier">True when the commit was pushed by an earlier run of the same command (found by its trailer).</param>
public sealed record FixOutcome(FixReplyState State, string? CommitSha, string? Reason, decimal CostUsd, bool Earlier = false)
{
    public static FixOutcome Fail(string reason, decimal cost = 0m) => new(FixReplyState.Failed, null, reason, cost);
}
