using GitBot.GitHub.Results;

namespace GitBot.GitHub.Auth;

/// <summary>Where a request's bearer token comes from: the App JWT, an installation token, or a fixed token.</summary>
public interface IGitHubCredentials
{
    /// <summary>
    /// A stable, secret-free name for whose view of GitHub a response is (e.g. <c>installation:42</c>); cached ETag
    /// bodies are kept per identity so one installation never sees another's cached data.
    /// </summary>
    string Identity { get; }

    ValueTask<GitHubResult<string>> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// GitHub answered 401 to <paramref name="token"/>: forget it. Returns true when a different token can be obtained,
    /// i.e. when retrying once is worthwhile.
    /// </summary>
    bool Invalidate(string token);
}
