namespace GitBot.Workflows.Feedback;

/// <summary>What a feedback run did, for its reply comment and its log line.</summary>
/// <param name="Result">How it ended.</param>
/// <param name="CommitSha">The pushed commit (<see cref="FeedbackResult.Pushed"/>, <see cref="FeedbackResult.AlreadyPushed"/>).</param>
/// <param name="Reason">Why, for users (unscrubbed: the renderer scrubs it); the agent's summary when it changed nothing.</param>
/// <param name="CostUsd">What the agent spent.</param>
public sealed record FeedbackOutcome(FeedbackResult Result, string? CommitSha, string? Reason, decimal CostUsd)
{
    public static FeedbackOutcome Fail(string reason, decimal cost = 0m) => new(FeedbackResult.Failed, null, reason, cost);

    public static FeedbackOutcome Skip(string reason) => new(FeedbackResult.Skipped, null, reason, 0m);
}
