namespace GitBot.Agents.Runs;

/// <summary>What an agent run produced. Every field is filled as far as the backend could tell.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Summary">The agent's final message (scrubbed of secrets, size-limited), or the error.</param>
/// <param name="CostUsd">Reported spend (<c>total_cost_usd</c>), 0 when unknown.</param>
/// <param name="InputTokens">Input tokens, 0 when unknown.</param>
/// <param name="OutputTokens">Output tokens, 0 when unknown.</param>
/// <param name="Turns">Turns taken, 0 when unknown.</param>
/// <param name="ExitCode">Process exit code, null when killed or never started.</param>
/// <param name="Duration">Wall time.</param>
/// <param name="ToolCalls">Tool names in call order (for the log and the plan comment).</param>
public sealed record AgentRunResult(
    AgentOutcome Outcome,
    string Summary,
    decimal CostUsd,
    long InputTokens,
    long OutputTokens,
    int Turns,
    int? ExitCode,
    TimeSpan Duration,
    IReadOnlyList<string> ToolCalls)
{
    /// <summary>True when the agent finished its work.</summary>
    public bool Succeeded => Outcome == AgentOutcome.Succeeded;
}
