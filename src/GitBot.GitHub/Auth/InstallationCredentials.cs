using GitBot.GitHub.Results;

namespace GitBot.GitHub.Auth;

/// <summary>Authenticates as one installation with tokens from the shared <see cref="InstallationTokenProvider"/>.</summary>
public sealed class InstallationCredentials(InstallationTokenProvider tokens, long installationId) : IGitHubCredentials
{
    public long InstallationId => installationId;

    public string Identity => $"installation:{installationId}";

    public async ValueTask<GitHubResult<string>> GetTokenAsync(CancellationToken cancellationToken) =>
        (await tokens.GetTokenAsync(installationId, cancellationToken)).Map(t => t.Token);

    public bool Invalidate(string token)
    {
        tokens.Invalidate(installationId, token);
        return true;
    }
}
