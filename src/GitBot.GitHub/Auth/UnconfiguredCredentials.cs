using GitBot.GitHub.Results;

namespace GitBot.GitHub.Auth;

/// <summary>Stands in when GitHub is not configured: every call fails with <see cref="GitHubErrorKind.NotConfigured"/> and says why.</summary>
public sealed class UnconfiguredCredentials(string reason) : IGitHubCredentials
{
    public string Identity => "unconfigured";

    public ValueTask<GitHubResult<string>> GetTokenAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(GitHubResult<string>.Failure(new GitHubError(GitHubErrorKind.NotConfigured, null, reason)));

    public bool Invalidate(string token) => false;
}
