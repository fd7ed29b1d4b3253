namespace GitBot.GitHub;

/// <summary>How GitBot authenticates to GitHub, derived from <see cref="GitHubOptions"/>.</summary>
public enum GitHubAuthMode
{
    /// <summary>Neither App credentials nor a token: GitBot can start but cannot call GitHub.</summary>
    Unconfigured,

    /// <summary>A GitHub App: JWT from the private key, then installation tokens.</summary>
    App,

    /// <summary>A fixed token (the Action's <c>GITHUB_TOKEN</c>); App endpoints are never called.</summary>
    Token,
}
