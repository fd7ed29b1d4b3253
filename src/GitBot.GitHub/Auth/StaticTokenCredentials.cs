using System.Security.Cryptography;
using System.Text;
using GitBot.GitHub.Results;

namespace GitBot.GitHub.Auth;

/// <summary>A fixed token (the Action's <c>GITHUB_TOKEN</c>). It cannot be refreshed, so a 401 is final.</summary>
public sealed class StaticTokenCredentials : IGitHubCredentials
{
    private readonly string _token;

    public StaticTokenCredentials(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        _token = token;
        // A hash prefix names the token for the ETag cache without keeping the secret in a second place.
        Identity = "token:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..16];
    }

    public string Identity { get; }

    public ValueTask<GitHubResult<string>> GetTokenAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(GitHubResult<string>.Success(_token));

    public bool Invalidate(string token) => false;
}
