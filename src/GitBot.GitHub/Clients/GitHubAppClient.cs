using GitBot.GitHub.Auth;
using GitBot.GitHub.Http;
using GitBot.GitHub.Models;
using GitBot.GitHub.Results;

namespace GitBot.GitHub.Clients;

/// <summary>
/// Calls made as the App itself, authenticated with its JWT: the App's identity, installation tokens and the webhook
/// delivery log. Without App credentials (token mode, unconfigured) every call answers
/// <see cref="GitHubErrorKind.NotConfigured"/> and nothing is sent.
/// </summary>
public sealed class GitHubAppClient
{
    private readonly GitHubConnection _connection;
    private readonly IGitHubCredentials _credentials;

    /// <param name="unavailableReason">Why there is no <paramref name="issuer"/>, reported by every call when it is null.</param>
    public GitHubAppClient(GitHubConnection connection, AppJwtIssuer? issuer, string? unavailableReason = null)
    {
        _connection = connection;
        _credentials = issuer is null
            ? new UnconfiguredCredentials(unavailableReason ?? "GitHub App credentials are not configured (set GitHub:AppId and GitHub:PrivateKeyPath or GitHub:PrivateKey)")
            : new AppJwtCredentials(issuer);
    }

    /// <summary>GitHub's largest page.</summary>
    public const int MaxPageSize = 100;

    private static GitHubJsonContext Json => GitHubJsonContext.Default;

    /// <summary><c>GET /app</c>: proves the App ID and key work (used by <c>gitbot doctor</c>).</summary>
    public Task<GitHubResult<GitHubApp>> GetAppAsync(CancellationToken cancellationToken) =>
        _connection.GetAsync(new GitHubRoute("app", "app"), _credentials, Json.GitHubApp, cancellationToken);

    /// <summary>A fresh installation access token; callers should go through <see cref="InstallationTokenProvider"/>, which caches.</summary>
    public Task<GitHubResult<InstallationAccessToken>> CreateInstallationAccessTokenAsync(long installationId, CancellationToken cancellationToken) =>
        _connection.SendAsync(HttpMethod.Post, GitHubRoute.Create("app/installations/{installation_id}/access_tokens", installationId),
            null, _credentials, Json.InstallationAccessToken, cancellationToken);

    /// <summary>
    /// The App's webhook deliveries from <paramref name="since"/> on, newest first. Follows the log's cursor pagination
    /// and stops at the first page that reaches entries older than <paramref name="since"/>; older entries are left out.
    /// </summary>
    public Task<GitHubResult<IReadOnlyList<HookDelivery>>> ListHookDeliveriesAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        ListHookDeliveriesAsync(since, MaxPageSize, cancellationToken);

    /// <inheritdoc cref="ListHookDeliveriesAsync(DateTimeOffset, CancellationToken)"/>
    /// <param name="pageSize">Entries per page, 1 to 100.</param>
    public async Task<GitHubResult<IReadOnlyList<HookDelivery>>> ListHookDeliveriesAsync(DateTimeOffset since, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        // GitHub's delivered_at has whole seconds: compare at that precision, so an entry from the same second counts.
        since = DateTimeOffset.FromUnixTimeSeconds(since.ToUnixTimeSeconds());
        var all = await _connection.GetAllPagesAsync<List<HookDelivery>, HookDelivery>(
            new GitHubRoute("app/hook/deliveries", "app/hook/deliveries").WithQuery("per_page", pageSize),
            _credentials, Json.ListHookDelivery, page => page, page => page.Count > 0 && page.Min(d => d.DeliveredAt) >= since, cancellationToken);
        return all.Map<IReadOnlyList<HookDelivery>>(deliveries => [.. deliveries.Where(d => d.DeliveredAt >= since)]);
    }

    /// <summary>Asks GitHub to deliver <paramref name="deliveryId"/> (<see cref="HookDelivery.Id"/>) again; true once accepted (202).</summary>
    public Task<GitHubResult<bool>> RedeliverHookDeliveryAsync(long deliveryId, CancellationToken cancellationToken) =>
        _connection.SendWithoutAnswerAsync(HttpMethod.Post, GitHubRoute.Create("app/hook/deliveries/{delivery_id}/attempts", deliveryId), null, _credentials, cancellationToken);
}
