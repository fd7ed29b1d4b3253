namespace GitBot.Core.Runs;

/// <summary>How a recorded run ended.</summary>
/// <param name="Outcome">The outcome name (the agents' <c>AgentOutcome</c>), e.g. <c>Succeeded</c>, <c>TimedOut</c>.</param>
/// <param name="ExitCode">Process exit code, null when killed or never started.</param>
/// <param name="Turns">Turns taken, 0 when unknown.</param>
/// <param name="InputTokens">Input tokens, 0 when unknown.</param>
/// <param name="OutputTokens">Output tokens, 0 when unknown.</param>
/// <param name="CostUsd">Reported spend, 0 when unknown.</param>
/// <param name="ExitReason">Why it ended, scrubbed of secrets and size-limited by the recorder.</param>
/// <param name="FinishedAt">When it ended.</param>
public sealed record AgentRunFinish(
    string Outcome,
    int? ExitCode,
    int Turns,
    long InputTokens,
    long OutputTokens,
    decimal CostUsd,
    string? ExitReason,
    DateTimeOffset FinishedAt);
