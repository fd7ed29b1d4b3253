namespace GitBot.GitHub.Tests.Client;

/// <summary>Event ids of the connection's log lines (see GitHubConnectionLog) the tests watch.</summary>
internal static class LogEvents
{
    public const int Response = 2001;
    public const int NotModified = 2002;
    public const int RetryScheduled = 2003;
    public const int RateLimitTooLong = 2004;
    public const int Unauthorized = 2005;
}
