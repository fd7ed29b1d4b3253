namespace GitBot.GitHub.Http;

/// <summary>What to do with an answer: retry after <see cref="Delay"/> (rate limits), back off (5xx), or stop.</summary>
public sealed record GitHubRetryDecision(GitHubRetryReason Reason, TimeSpan Delay, DateTimeOffset? RetryAt = null)
{
    public static readonly GitHubRetryDecision Final = new(GitHubRetryReason.None, TimeSpan.Zero);

    public bool IsRateLimited => Reason is GitHubRetryReason.PrimaryRateLimit or GitHubRetryReason.SecondaryRateLimit or GitHubRetryReason.RateLimitWaitTooLong;
}
