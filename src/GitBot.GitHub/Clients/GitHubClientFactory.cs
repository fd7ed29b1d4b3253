using GitBot.GitHub.Auth;
using GitBot.GitHub.Http;

namespace GitBot.GitHub.Clients;

/// <summary>
/// Hands out <see cref="GitHubClient"/>s for the configured mode: in App mode one per installation (tokens shared
/// through <see cref="InstallationTokenProvider"/>); in token mode every client uses <see cref="GitHubOptions.Token"/>;
/// unconfigured, every call answers <c>NotConfigured</c> with the reason.
/// </summary>
public sealed class GitHubClientFactory
{
    private readonly GitHubConnection _connection;
    private readonly GitHubOptions _options;
    private readonly InstallationTokenProvider? _tokens;
    private readonly string? _unavailableReason;

    /// <param name="tokens">Installation tokens; null when the App cannot authenticate.</param>
    /// <param name="unavailableReason">Why App mode cannot work (e.g. the key does not load), reported by every call.</param>
    public GitHubClientFactory(GitHubConnection connection, GitHubOptions options, InstallationTokenProvider? tokens, string? unavailableReason = null)
    {
        _connection = connection;
        _options = options;
        _tokens = tokens;
        _unavailableReason = unavailableReason;
    }

    public GitHubAuthMode Mode => _options.Mode;

    /// <summary>A client acting for <paramref name="installationId"/> (in token mode, for the token; the id is then irrelevant).</summary>
    public GitHubClient ForInstallation(long installationId) => new(_connection, _options.Mode switch
    {
        GitHubAuthMode.App when _tokens is not null => new InstallationCredentials(_tokens, installationId),
        GitHubAuthMode.Token => new StaticTokenCredentials(_options.Token!),
        _ => Unconfigured(),
    });

    /// <summary>A client using an explicit token (e.g. one the Action received), whatever the configured mode.</summary>
    public GitHubClient ForToken(string token) => new(_connection, new StaticTokenCredentials(token));

    private UnconfiguredCredentials Unconfigured() =>
        new(_unavailableReason is not null ? "GitHub is not usable: " + _unavailableReason
            : _options.Validate() is { Count: > 0 } problems
            ? "GitHub is not configured: " + string.Join(" ", problems)
            : "GitHub is not configured: set GitHub:AppId with GitHub:PrivateKeyPath (a GitHub App) or GitHub:Token.");
}
