namespace GitBot.Simulator;

/// <summary>Sign-in with GitHub (the App's OAuth client) and the people who can sign in.</summary>
public sealed partial class GitHubSimulator
{
    /// <summary>github.com's web root for the OAuth pages (<c>/login/oauth/…</c>); on the simulator web and API share a host.</summary>
    public Uri WebUrl => ApiUrl;

    /// <summary>The App's OAuth client id (<c>GitHub:ClientId</c>).</summary>
    public string OAuthClientId => _runtime.OAuth.ClientId;

    /// <summary>The App's OAuth client secret (<c>GitHub:ClientSecret</c>).</summary>
    public string OAuthClientSecret => _runtime.OAuth.ClientSecret;

    /// <summary>
    /// Adds a person who can sign in, with access to <paramref name="repositories"/> ("owner/name"; calling again
    /// replaces the list). They see those of the repositories that exist and are in one of the App's installations.
    /// </summary>
    public void AddUser(string login, params string[] repositories)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(login);
        lock (_runtime.State.Gate)
        {
            _ = _runtime.State.User(login);
        }

        _runtime.OAuth.SetUser(login, repositories);
    }

    /// <summary>A user token for <paramref name="login"/>, as if they had completed the web flow.</summary>
    public string IssueUserToken(string login) =>
        _runtime.OAuth.IsUser(login)
            ? _runtime.OAuth.IssueToken(login).Token
            : throw new ArgumentException($"'{login}' was not added with AddUser", nameof(login));

    /// <summary>Expires every OAuth code and user token now.</summary>
    public void ExpireUserTokens() => _runtime.OAuth.ExpireAll();
}
