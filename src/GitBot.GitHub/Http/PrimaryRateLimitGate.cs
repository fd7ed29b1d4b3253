using System.Collections.Concurrent;
using GitBot.GitHub.Results;
using Microsoft.Extensions.Logging;

namespace GitBot.GitHub.Http;

/// <summary>
/// Remembers, per credential identity, when GitHub last said the primary budget is spent
/// (<c>x-ratelimit-remaining: 0</c>) and until when (<c>x-ratelimit-reset</c>), so the next request waits for the reset
/// (bounded) or fails fast instead of being sent only to earn a 403.
/// </summary>
internal sealed class PrimaryRateLimitGate(GitHubOptions options, TimeProvider time, ILogger logger)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _exhaustedUntil = new(StringComparer.Ordinal);

    /// <summary>
    /// When the last answer for this identity said the primary budget is spent, a request now would only earn a 403:
    /// wait for the reset if that is within <see cref="GitHubOptions.MaxRateLimitWait"/>, else answer RateLimited
    /// without sending anything.
    /// </summary>
    public async Task<GitHubError?> WaitAsync(HttpMethod method, string template, string identity, CancellationToken cancellationToken)
    {
        if (!_exhaustedUntil.TryGetValue(identity, out var reset))
        {
            return null;
        }

        var wait = reset - time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            _exhaustedUntil.TryRemove(KeyValuePair.Create(identity, reset));
            return null;
        }

        if (wait > options.MaxRateLimitWait)
        {
            GitHubConnectionLog.RateLimitTooLong(logger, method.Method, template, 0, reset, options.MaxRateLimitWait);
            return new GitHubError(GitHubErrorKind.RateLimited, null,
                $"the primary rate limit of {identity} is used up until {reset:o}; not sent", null, null, reset);
        }

        GitHubConnectionLog.RetryScheduled(logger, method.Method, template, null, "primary rate limit used up", wait, 1);
        await Task.Delay(wait, time, cancellationToken);
        return null;
    }

    public void Track(string identity, GitHubResponse response)
    {
        if (response.RateLimitRemaining == 0 && response.RateLimitReset is { } reset && reset > time.GetUtcNow())
        {
            _exhaustedUntil[identity] = reset;
        }
        else if (response.RateLimitRemaining > 0)
        {
            _exhaustedUntil.TryRemove(identity, out _);
        }
    }
}
