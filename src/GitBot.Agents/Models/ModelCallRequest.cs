namespace GitBot.Agents.Models;

/// <summary>One single-turn call of the <c>anthropic</c> backend (a direct Messages API request, no tools).</summary>
/// <param name="LogId">Identifies the call in logs, e.g. <c>review/owner/repo#12@abc1234/security</c>. Never secret.</param>
/// <param name="Model">The model; null uses <c>Agents:DefaultModel</c>.</param>
/// <param name="System">The system prompt; null sends none.</param>
/// <param name="Prompt">The user message. Never logged.</param>
/// <param name="MaxTokens">The answer's token limit (<c>max_tokens</c>), at least 1.</param>
/// <param name="Timeout">Wall-clock limit of the whole call, retries included.</param>
public sealed record ModelCallRequest(string LogId, string? Model, string? System, string Prompt, int MaxTokens, TimeSpan Timeout);
