using System.Text.Json;

namespace GitBot.GitHub.Http;

/// <summary>
/// Decides, from one answer alone, whether GitHub wants the caller to wait and try again. The rules follow GitHub's
/// REST documentation ("Rate limits for the REST API", "Best practices"): a primary limit (403/429 with
/// <c>x-ratelimit-remaining: 0</c>) clears at <c>x-ratelimit-reset</c>; a secondary limit (403/429 with
/// <c>retry-after</c>, a 429, or a 403 whose message says so) clears after <c>retry-after</c> or, when absent, at
/// least one minute; a 5xx is retried only when repeating the call cannot do the work twice. Every other 4xx is final.
/// </summary>
public static class GitHubRetryClassifier
{
    /// <summary>The wait GitHub asks for when a secondary limit gives no <c>retry-after</c>.</summary>
    public static readonly TimeSpan SecondaryLimitMinimumWait = TimeSpan.FromSeconds(60);

    /// <summary>GET, HEAD, PUT and DELETE repeat safely; POST and PATCH may not.</summary>
    public static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put ||
        method == HttpMethod.Delete || method == HttpMethod.Options;

    public static GitHubRetryDecision Classify(GitHubResponse response, HttpMethod method, DateTimeOffset now, TimeSpan maxWait)
    {
        if (response.StatusCode is 403 or 429)
        {
            var decision = ClassifyLimit(response, now);
            if (decision is null)
            {
                return GitHubRetryDecision.Final;
            }

            return decision.Delay <= maxWait
                ? decision
                : decision with { Reason = GitHubRetryReason.RateLimitWaitTooLong };
        }

        return response.StatusCode >= 500 && IsIdempotent(method)
            ? new GitHubRetryDecision(GitHubRetryReason.ServerError, TimeSpan.Zero)
            : GitHubRetryDecision.Final;
    }

    private static GitHubRetryDecision? ClassifyLimit(GitHubResponse response, DateTimeOffset now)
    {
        if (response.RateLimitRemaining == 0 && response.RetryAfter is null)
        {
            var reset = response.RateLimitReset ?? now + SecondaryLimitMinimumWait;
            var wait = reset > now ? reset - now : TimeSpan.Zero;
            return new GitHubRetryDecision(GitHubRetryReason.PrimaryRateLimit, wait, now + wait);
        }

        if (response.RetryAfter is { } retryAfter)
        {
            return new GitHubRetryDecision(GitHubRetryReason.SecondaryRateLimit, retryAfter, now + retryAfter);
        }

        // A 403 is usually a permission answer; only a message about a rate limit makes it one.
        if (response.StatusCode == 429 || MentionsRateLimit(response.Body))
        {
            return new GitHubRetryDecision(GitHubRetryReason.SecondaryRateLimit, SecondaryLimitMinimumWait, now + SecondaryLimitMinimumWait);
        }

        return null;
    }

    private static bool MentionsRateLimit(byte[] body)
    {
        if (body.Length == 0)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object &&
                   document.RootElement.TryGetProperty("message", out var message) &&
                   message.ValueKind == JsonValueKind.String &&
                   message.GetString()!.Contains("rate limit", StringComparison.OrdinalIgnoreCase);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
