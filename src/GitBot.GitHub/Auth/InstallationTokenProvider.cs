using GitBot.GitHub.Clients;
using GitBot.GitHub.Models;
using GitBot.GitHub.Results;
using Microsoft.Extensions.Logging;

namespace GitBot.GitHub.Auth;

/// <summary>
/// Installation access tokens, cached per installation. Guarantees: a cached token is handed out only while more than
/// <see cref="RefreshBefore"/> of its validity remains; concurrent callers for one installation share a single
/// <c>POST /app/installations/{id}/access_tokens</c>; a token GitHub rejected (401) is dropped and never handed out again.
/// Failures are not cached, so the next caller tries again.
/// </summary>
public sealed partial class InstallationTokenProvider
{
    /// <summary>A token is replaced once less than this much validity remains (GitHub tokens last an hour).</summary>
    public static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(5);

    private readonly GitHubAppClient _app;
    private readonly TimeProvider _time;
    private readonly ILogger<InstallationTokenProvider> _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, InstallationAccessToken> _cache = [];
    private readonly Dictionary<long, Task<GitHubResult<InstallationAccessToken>>> _inFlight = [];

    public InstallationTokenProvider(GitHubAppClient app, TimeProvider time, ILogger<InstallationTokenProvider> logger)
    {
        _app = app;
        _time = time;
        _logger = logger;
    }

    /// <summary>A token for <paramref name="installationId"/> with at least five minutes of validity left.</summary>
    public Task<GitHubResult<InstallationAccessToken>> GetTokenAsync(long installationId, CancellationToken cancellationToken)
    {
        Task<GitHubResult<InstallationAccessToken>> pending;
        lock (_gate)
        {
            if (_cache.TryGetValue(installationId, out var cached) && IsFresh(cached))
            {
                return Task.FromResult(GitHubResult<InstallationAccessToken>.Success(cached));
            }

            if (!_inFlight.TryGetValue(installationId, out pending!))
            {
                // The shared request must not die with the first caller's token: it runs to completion (bounded by the
                // HTTP timeout) and each caller stops waiting on its own cancellation.
                pending = FetchAsync(installationId);
                _inFlight[installationId] = pending;
            }
        }

        return pending.WaitAsync(cancellationToken);
    }

    /// <summary>Forgets <paramref name="token"/> if it is still the cached one (another caller may have refreshed it already).</summary>
    public void Invalidate(long installationId, string token)
    {
        lock (_gate)
        {
            if (_cache.TryGetValue(installationId, out var cached) && cached.Token == token)
            {
                _cache.Remove(installationId);
                LogTokenDropped(_logger, installationId);
            }
        }
    }

    private bool IsFresh(InstallationAccessToken token) => token.ExpiresAt - _time.GetUtcNow() > RefreshBefore;

    private async Task<GitHubResult<InstallationAccessToken>> FetchAsync(long installationId)
    {
        // Yield first so the caller's lock is released before the request starts.
        await Task.Yield();
        GitHubResult<InstallationAccessToken> result;
        try
        {
            result = await _app.CreateInstallationAccessTokenAsync(installationId, CancellationToken.None);
        }
        catch
        {
            lock (_gate)
            {
                _inFlight.Remove(installationId);
            }

            throw;
        }

        // Cache and in-flight entry change together, so no caller can find neither and start a second request.
        lock (_gate)
        {
            _inFlight.Remove(installationId);
            if (result.IsSuccess)
            {
                _cache[installationId] = result.Value;
            }
        }

        if (result.IsSuccess)
        {
            LogTokenIssued(_logger, installationId, result.Value.ExpiresAt);
        }

        if (!result.IsSuccess)
        {
            LogTokenFailed(_logger, installationId, result.Error.Kind, result.Error.StatusCode);
        }

        return result;
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "Installation {InstallationId}: new access token, expires {ExpiresAt:o}")]
    private static partial void LogTokenIssued(ILogger logger, long installationId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Installation {InstallationId}: access token rejected by GitHub, dropped")]
    private static partial void LogTokenDropped(ILogger logger, long installationId);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Installation {InstallationId}: access token request failed: {Kind} ({Status})")]
    private static partial void LogTokenFailed(ILogger logger, long installationId, GitHubErrorKind kind, int? status);
}
