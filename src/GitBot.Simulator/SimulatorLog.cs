using Microsoft.Extensions.Logging;

namespace GitBot.Simulator;

/// <summary>The simulator's log lines: rejections (what GitHub would have refused) and failed webhook deliveries.</summary>
internal static partial class SimulatorLog
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning,
        Message = "GitHub simulator rejected {Method} {Path} with {Status}: {Reason}")]
    public static partial void Rejected(ILogger logger, string method, string path, int status, string reason);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information,
        Message = "GitHub simulator delivery {DeliveryGuid} ({Event}) failed: {Status}; it stays failed until redelivered")]
    public static partial void DeliveryFailed(ILogger logger, Guid deliveryGuid, string @event, string status);
}
