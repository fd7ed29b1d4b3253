using GitBot.GitHub.Results;

namespace GitBot.GitHub.Auth;

/// <summary>Authenticates as the App itself (for <c>/app/...</c> endpoints) with a JWT from <see cref="AppJwtIssuer"/>.</summary>
public sealed class AppJwtCredentials(AppJwtIssuer issuer) : IGitHubCredentials
{
    public string Identity => $"app:{issuer.AppId}";

    public ValueTask<GitHubResult<string>> GetTokenAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(GitHubResult<string>.Success(issuer.GetJwt()));

    public bool Invalidate(string token)
    {
        issuer.Invalidate(token);
        return true;
    }
}
