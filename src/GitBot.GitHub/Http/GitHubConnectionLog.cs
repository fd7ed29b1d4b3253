using Microsoft.Extensions.Logging;

namespace GitBot.GitHub.Http;

/// <summary>The connection's log lines. Route templates only: no tokens, no bodies, no filled-in paths.</summary>
internal static partial class GitHubConnectionLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "GitHub {Method} {Route} -> {Status} (rate limit remaining {RateLimitRemaining})")]
    public static partial void Response(ILogger logger, string method, string route, int status, int? rateLimitRemaining);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "GitHub {Method} {Route} -> 304, served from the ETag cache")]
    public static partial void NotModified(ILogger logger, string method, string route);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "GitHub {Method} {Route} -> {Status}: {Reason}, waiting {Delay} before attempt {Attempt}")]
    public static partial void RetryScheduled(ILogger logger, string method, string route, int? status, string reason, TimeSpan delay, int attempt);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "GitHub {Method} {Route} -> {Status}: rate limited until {RetryAt:o}, longer than the {MaxWait} GitBot waits")]
    public static partial void RateLimitTooLong(ILogger logger, string method, string route, int status, DateTimeOffset? retryAt, TimeSpan maxWait);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "GitHub {Method} {Route} -> 401, retrying once with a fresh token for {Identity}")]
    public static partial void Unauthorized(ILogger logger, string method, string route, string identity);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "GitHub {Method} {Route} failed without an answer: {Error}")]
    public static partial void TransportFailed(ILogger logger, string method, string route, string error);
}
