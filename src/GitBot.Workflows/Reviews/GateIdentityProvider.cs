using GitBot.GitHub;
using GitBot.GitHub.Clients;
using Microsoft.Extensions.Options;

namespace GitBot.Workflows.Reviews;

/// <summary>
/// Who GitBot's check runs and reviews belong to on GitHub. App mode: asks GitHub once (<c>GET /app</c>) for the App id
/// and slug and keeps the answer for the process lifetime; a failure is not kept, so the next event asks again. Token
/// mode (the Action): GitHub attributes writes made with the job's <c>GITHUB_TOKEN</c> to the GitHub Actions App, so the
/// identity is <see cref="GitHubOptions.TokenIdentityAppId"/> / <see cref="GitHubOptions.TokenIdentityLogin"/>
/// (15368, <c>github-actions[bot]</c> by default) and the gate runs there too.
/// </summary>
/// <remarks>
/// Security consequence of token mode: every workflow of the repository that uses its <c>GITHUB_TOKEN</c> writes check
/// runs as that same App, so another workflow (or a pull request that edits one, where workflows from the head run with a
/// write token) can create a check named like GitBot's. The gate's other rules still hold — a human with write
/// permission who is not the author or the pusher must approve the current head — but branch protection must require
/// <c>gitbot/gate</c> from the GitHub Actions app and the repository must restrict who may change <c>.github/workflows/</c>.
/// </remarks>
public sealed class GateIdentityProvider(GitHubClientFactory factory, GitHubAppClient app, IOptions<GitHubOptions> options)
{
    private GateIdentity? _identity;

    /// <summary>GitBot's identity, or null when GitHub is not configured at all (the gate is then skipped).</summary>
    /// <exception cref="Issues.RetryableDeliveryException">GitHub could not be asked.</exception>
    public async Task<GateIdentity?> GetAsync(CancellationToken cancellationToken)
    {
        switch (factory.Mode)
        {
            case GitHubAuthMode.Token:
                var settings = options.Value;
                return new GateIdentity(settings.TokenIdentityAppId, settings.TokenIdentityLogin);
            case GitHubAuthMode.App:
                break;
            default:
                return null;
        }

        if (Volatile.Read(ref _identity) is { } known)
        {
            return known;
        }

        var result = await app.GetAppAsync(cancellationToken);
        if (!result.TryGetValue(out var value))
        {
            throw new Issues.RetryableDeliveryException($"reading GitBot's App failed: {result.Error}");
        }

        var identity = new GateIdentity(value.Id, string.IsNullOrEmpty(value.Slug) ? null : value.Slug + "[bot]");
        Volatile.Write(ref _identity, identity);
        return identity;
    }
}
