using System.Globalization;
using GitBot.GitHub.Auth;
using GitBot.GitHub.Clients;
using GitBot.GitHub.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitBot.GitHub;

/// <summary>Registers the GitHub layer: options from section <c>GitHub</c>, the connection, App client, token cache and client factory.</summary>
public static class GitHubServiceCollectionExtensions
{
    public const string HttpClientName = "GitBot.GitHub";

    public static IServiceCollection AddGitHubClient(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(GitHubOptions.SectionName);
        services.AddOptions<GitHubOptions>().Configure(options => Bind(section, options));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GitHubETagCache>();

        // Timeouts are applied per attempt by the connection; the client's own must not cut a rate-limit wait short.
        // The connection is a singleton holding one HttpClient, so the handler is never rotated by the factory; pooled
        // connections are recycled instead, which keeps DNS changes (GHES fail-over) visible.
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        services.TryAddSingleton<GitHubMetrics>();
        services.TryAddSingleton(sp => new GitHubConnection(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<IOptions<GitHubOptions>>().Value,
            sp.GetRequiredService<GitHubETagCache>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<GitHubConnection>>(),
            sp.GetService<GitHubMetrics>()));
        services.TryAddSingleton(sp => CreateJwtIssuer(sp.GetRequiredService<IOptions<GitHubOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp =>
        {
            var holder = sp.GetRequiredService<AppJwtIssuerHolder>();
            return new GitHubAppClient(sp.GetRequiredService<GitHubConnection>(), holder.Issuer, holder.Problem);
        });
        services.TryAddSingleton(sp => new InstallationTokenProvider(
            sp.GetRequiredService<GitHubAppClient>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<InstallationTokenProvider>>()));
        services.TryAddSingleton(sp => new GitHubClientFactory(
            sp.GetRequiredService<GitHubConnection>(),
            sp.GetRequiredService<IOptions<GitHubOptions>>().Value,
            sp.GetRequiredService<AppJwtIssuerHolder>().Issuer is null ? null : sp.GetRequiredService<InstallationTokenProvider>(),
            sp.GetRequiredService<AppJwtIssuerHolder>().Problem));
        services.TryAddSingleton(sp => new UserAccessClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), sp.GetRequiredService<IOptions<GitHubOptions>>().Value));
        return services;
    }

    /// <summary>Copies section values onto <paramref name="options"/> by hand (no reflection binder, so trimming stays safe).</summary>
    public static void Bind(IConfiguration section, GitHubOptions options)
    {
        options.ApiUrl = section[nameof(GitHubOptions.ApiUrl)] is { Length: > 0 } api ? api : options.ApiUrl;
        options.AppId = long.TryParse(section[nameof(GitHubOptions.AppId)], NumberStyles.Integer, CultureInfo.InvariantCulture, out var appId) ? appId : options.AppId;
        options.PrivateKeyPath = section[nameof(GitHubOptions.PrivateKeyPath)] ?? options.PrivateKeyPath;
        options.PrivateKey = section[nameof(GitHubOptions.PrivateKey)] ?? options.PrivateKey;
        options.WebhookSecret = section[nameof(GitHubOptions.WebhookSecret)] ?? options.WebhookSecret;
        options.PreviousWebhookSecret = section[nameof(GitHubOptions.PreviousWebhookSecret)] ?? options.PreviousWebhookSecret;
        options.Token = section[nameof(GitHubOptions.Token)] ?? options.Token;
        options.TokenIdentityAppId = long.TryParse(section[nameof(GitHubOptions.TokenIdentityAppId)], NumberStyles.Integer, CultureInfo.InvariantCulture, out var tokenAppId)
            ? tokenAppId
            : options.TokenIdentityAppId;
        options.TokenIdentityLogin = section[nameof(GitHubOptions.TokenIdentityLogin)] is { Length: > 0 } tokenLogin ? tokenLogin : options.TokenIdentityLogin;
        options.UserAgent = section[nameof(GitHubOptions.UserAgent)] is { Length: > 0 } agent ? agent : options.UserAgent;
        options.ClientId = section[nameof(GitHubOptions.ClientId)] ?? options.ClientId;
        options.ClientSecret = section[nameof(GitHubOptions.ClientSecret)] ?? options.ClientSecret;
        options.WebUrl = section[nameof(GitHubOptions.WebUrl)] is { Length: > 0 } web ? web : options.WebUrl;
        options.MaxRateLimitWait = ReadTimeSpan(section, nameof(GitHubOptions.MaxRateLimitWait)) ?? options.MaxRateLimitWait;
        options.RequestTimeout = ReadTimeSpan(section, nameof(GitHubOptions.RequestTimeout)) ?? options.RequestTimeout;
        options.MaxServerErrorRetries = int.TryParse(section[nameof(GitHubOptions.MaxServerErrorRetries)], NumberStyles.Integer, CultureInfo.InvariantCulture, out var retries)
            ? retries
            : options.MaxServerErrorRetries;
    }

    private static TimeSpan? ReadTimeSpan(IConfiguration section, string key) =>
        TimeSpan.TryParse(section[key], CultureInfo.InvariantCulture, out var value) ? value : null;

    private static AppJwtIssuerHolder CreateJwtIssuer(GitHubOptions options, TimeProvider time)
    {
        if (options.Mode != GitHubAuthMode.App)
        {
            return new AppJwtIssuerHolder(null, null);
        }

        return GitHubPrivateKeyLoader.TryLoad(options, out var key, out var problem)
            ? new AppJwtIssuerHolder(new AppJwtIssuer(options.AppId!.Value, key!, time), null)
            : new AppJwtIssuerHolder(null, problem);
    }
}
