using System.Globalization;
using System.Net.Http.Headers;

namespace GitBot.GitHub.Http;

/// <summary>One HTTP answer from GitHub, read fully: the status, the headers GitBot acts on, and the body bytes.</summary>
public sealed record GitHubResponse(
    int StatusCode,
    byte[] Body,
    string? ETag = null,
    string? Link = null,
    TimeSpan? RetryAfter = null,
    int? RateLimitRemaining = null,
    DateTimeOffset? RateLimitReset = null)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>Copies the relevant headers; <paramref name="now"/> turns an HTTP-date <c>retry-after</c> into a delay.</summary>
    public static GitHubResponse From(int statusCode, HttpResponseHeaders headers, byte[] body, DateTimeOffset now)
    {
        TimeSpan? retryAfter = headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
            _ => null,
        };
        return new GitHubResponse(
            statusCode,
            body,
            headers.ETag?.ToString(),
            headers.TryGetValues("Link", out var link) ? string.Join(", ", link) : null,
            retryAfter,
            ReadLong(headers, "x-ratelimit-remaining") is { } remaining ? (int)Math.Min(remaining, int.MaxValue) : null,
            ReadLong(headers, "x-ratelimit-reset") is { } reset ? DateTimeOffset.FromUnixTimeSeconds(reset) : null);
    }

    private static long? ReadLong(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) &&
        long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
