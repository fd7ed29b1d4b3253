namespace GitBot.GitHub.Http;

/// <summary>Why a GitHub answer is (or is not) worth another attempt.</summary>
public enum GitHubRetryReason
{
    /// <summary>Final: success, or a 4xx that another identical request would get again.</summary>
    None,

    /// <summary>403/429 with <c>x-ratelimit-remaining: 0</c>: wait until <c>x-ratelimit-reset</c>.</summary>
    PrimaryRateLimit,

    /// <summary>403/429 secondary limit: wait <c>retry-after</c>, or at least a minute when it is absent.</summary>
    SecondaryRateLimit,

    /// <summary>5xx on an idempotent call: back off and retry.</summary>
    ServerError,

    /// <summary>A rate limit whose wait exceeds the configured maximum: returned to the caller as <c>RateLimited</c>.</summary>
    RateLimitWaitTooLong,
}
