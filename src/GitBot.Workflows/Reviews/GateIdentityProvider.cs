using GitBot.GitHub;
using GitBot.GitHub.Clients;

namespace GitBot.Workflows.Reviews;

/// <summary>
/// Asks GitHub once (<c>GET /app</c>) for GitBot's App id and slug and keeps the answer for the process lifetime; a
/// failure is not kept, so the next event asks again. In token mode there is no App: check runs cannot be created
/// with a plain token, so the gate does not run at all (null).
/// </summary>
public sealed class GateIdentityProvider(GitHubClientFactory factory, GitHubAppClient app)
{
    private GateIdentity? _identity;

    /// <summary>GitBot's identity, or null when GitBot is not a GitHub App (the gate is then skipped).</summary>
    /// <exception cref="Issues.RetryableDeliveryException">GitHub could not be asked.</exception>
    public async Task<GateIdentity?> GetAsync(CancellationToken cancellationToken)
    {
        if (factory.Mode != GitHubAuthMode.App)
        {
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
