using GitBot.Agents.Runs;
using Microsoft.Extensions.Logging;

namespace GitBot.Agents.Backends;

internal static partial class AgentLogMessages
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Agent run {RunId}: starting {Backend} ({Executable}) in {WorkingDirectory}")]
    public static partial void Starting(ILogger logger, string runId, string backend, string executable, string workingDirectory);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Agent run {RunId}: {Outcome} after {Duration}, {Turns} turns, ${CostUsd}")]
    public static partial void Finished(ILogger logger, string runId, AgentOutcome outcome, TimeSpan duration, int turns, decimal costUsd);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Agent run {RunId}: environment variables refused: {Names}")]
    public static partial void Refused(ILogger logger, string runId, string names);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Debug, Message = "Agent run {RunId}: tool call {Tool}")]
    public static partial void ToolCall(ILogger logger, string runId, string tool);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Agent run {RunId}: unknown backend '{Backend}'")]
    public static partial void UnknownBackend(ILogger logger, string runId, string backend);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Agent run {RunId}: could not remove its home {Home}")]
    public static partial void HomeNotRemoved(ILogger logger, string runId, string home, Exception exception);
}
