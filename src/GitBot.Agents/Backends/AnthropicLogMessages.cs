using GitBot.Agents.Models;
using Microsoft.Extensions.Logging;

namespace GitBot.Agents.Backends;

/// <summary>Logs of <see cref="AnthropicMessagesClient"/>: ids, model, tokens and durations only, never prompts or keys.</summary>
internal static partial class AnthropicLogMessages
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Model call {LogId}: {Model} answered after {Duration} ({InputTokens} input, {OutputTokens} output tokens, {Attempts} attempt(s))")]
    public static partial void Completed(ILogger logger, string logId, string model, TimeSpan duration, long inputTokens, long outputTokens, int attempts);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Model call {LogId}: {Model} {Outcome} after {Duration}: {Error}")]
    public static partial void NotCompleted(ILogger logger, string logId, string model, ModelCallOutcome outcome, TimeSpan duration, string error);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Model call {LogId}: {Model} answered HTTP {Status}; attempt {Attempt} in {Delay}")]
    public static partial void Retrying(ILogger logger, string logId, string model, int status, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Model call {LogId}: not sent: {Reason}")]
    public static partial void NotConfigured(ILogger logger, string logId, string reason);
}
