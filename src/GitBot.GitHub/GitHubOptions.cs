namespace GitBot.GitHub;

/// <summary>
/// Configuration section <c>GitHub</c>. App mode needs <see cref="AppId"/> and a key (<see cref="PrivateKeyPath"/> or
/// <see cref="PrivateKey"/>); token mode needs <see cref="Token"/>. App credentials win when both are given.
/// </summary>
public sealed class GitHubOptions
{
    public const string SectionName = "GitHub";
    public const string DefaultApiUrl = "https://api.github.com/";
    public const string DefaultUserAgent = "GitBot";
    public const string DefaultWebUrl = "https://github.com";

    /// <summary>The App github.com attributes an Actions job's <c>GITHUB_TOKEN</c> writes to (GitHub Actions).</summary>
    public const long DefaultTokenIdentityAppId = 15368;

    /// <summary>The bot account github.com attributes an Actions job's <c>GITHUB_TOKEN</c> writes to.</summary>
    public const string DefaultTokenIdentityLogin = "github-actions[bot]";

    /// <summary>REST API root: api.github.com, a GitHub Enterprise Server <c>https://host/api/v3/</c>, or the simulator.</summary>
    public string ApiUrl { get; set; } = DefaultApiUrl;

    public long? AppId { get; set; }

    /// <summary>Path of the App's PEM private key file (PKCS#1 or PKCS#8).</summary>
    public string? PrivateKeyPath { get; set; }

    /// <summary>The App's PEM private key text, for environments that pass secrets as values rather than files.</summary>
    public string? PrivateKey { get; set; }

    public string? WebhookSecret { get; set; }

    /// <summary>The secret being rotated out; deliveries signed with it are still accepted.</summary>
    public string? PreviousWebhookSecret { get; set; }

    /// <summary>A fixed token (<c>GITHUB_TOKEN</c> in an Action).</summary>
    public string? Token { get; set; }

    /// <summary>
    /// Token mode: the id of the App that GitHub attributes check runs created with <see cref="Token"/> to. The gate
    /// counts only check runs of this App. For an Action's <c>GITHUB_TOKEN</c> that is the GitHub Actions App (15368 on
    /// github.com; a GitHub Enterprise Server may differ). Beware: every workflow of the repository using its
    /// <c>GITHUB_TOKEN</c> writes checks as this same App, so another workflow could create a check named
    /// <c>gitbot/tests</c>; restrict who may edit workflows. Ignored in App mode (the App's own id is read from GitHub).
    /// </summary>
    public long TokenIdentityAppId { get; set; } = DefaultTokenIdentityAppId;

    /// <summary>
    /// Token mode: the login GitHub attributes reviews and comments made with <see cref="Token"/> to; its reviews are
    /// never counted as approvals. <c>github-actions[bot]</c> for an Action's <c>GITHUB_TOKEN</c>. Ignored in App mode.
    /// </summary>
    public string TokenIdentityLogin { get; set; } = DefaultTokenIdentityLogin;

    public string UserAgent { get; set; } = DefaultUserAgent;

    /// <summary>The App's OAuth client id, for dashboard sign-in with GitHub (the App settings page shows it).</summary>
    public string? ClientId { get; set; }

    /// <summary>The App's OAuth client secret, for dashboard sign-in. Treat it like a password.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>github.com's web root (or a GHES host's), where the OAuth pages live; in tests the simulator's base URL.</summary>
    public string WebUrl { get; set; } = DefaultWebUrl;

    /// <summary>Longest wait GitBot accepts for a rate limit to clear before answering <c>RateLimited</c> instead.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Retries of an idempotent call after a 5xx or network failure.</summary>
    public int MaxServerErrorRetries { get; set; } = 3;

    /// <summary>Timeout of a single HTTP attempt.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The mode these settings select. Use <see cref="Validate"/> to learn why a half-configured App is not usable.</summary>
    public GitHubAuthMode Mode =>
        AppId is not null && HasPrivateKey ? GitHubAuthMode.App
        : !string.IsNullOrWhiteSpace(Token) ? GitHubAuthMode.Token
        : GitHubAuthMode.Unconfigured;

    private bool HasPrivateKey => !string.IsNullOrWhiteSpace(PrivateKeyPath) || !string.IsNullOrWhiteSpace(PrivateKey);

    /// <summary>Problems in plain words, each naming the setting to fix; empty when the settings are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(ApiUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"GitHub:ApiUrl '{ApiUrl}' is not an absolute http(s) URL (e.g. {DefaultApiUrl}).");
        }

        if (AppId is not null && !HasPrivateKey)
        {
            problems.Add("GitHub:AppId is set but neither GitHub:PrivateKeyPath nor GitHub:PrivateKey is.");
        }

        if (AppId is null && HasPrivateKey)
        {
            problems.Add("GitHub:PrivateKeyPath or GitHub:PrivateKey is set but GitHub:AppId is not.");
        }

        if (AppId is <= 0)
        {
            problems.Add($"GitHub:AppId must be a positive number (the App ID on the App's settings page), not {AppId}.");
        }

        if (!string.IsNullOrWhiteSpace(PrivateKeyPath) && !string.IsNullOrWhiteSpace(PrivateKey))
        {
            problems.Add("GitHub:PrivateKeyPath and GitHub:PrivateKey are both set; keep one.");
        }

        if (!string.IsNullOrWhiteSpace(PrivateKeyPath) && !File.Exists(PrivateKeyPath))
        {
            problems.Add($"GitHub:PrivateKeyPath '{PrivateKeyPath}' does not exist.");
        }

        if (TokenIdentityAppId <= 0)
        {
            problems.Add($"GitHub:TokenIdentityAppId must be a positive App id (GitHub Actions is {DefaultTokenIdentityAppId}), not {TokenIdentityAppId}.");
        }

        if (string.IsNullOrWhiteSpace(TokenIdentityLogin) || TokenIdentityLogin.Any(char.IsWhiteSpace))
        {
            problems.Add($"GitHub:TokenIdentityLogin must be a login without spaces (e.g. {DefaultTokenIdentityLogin}), not '{TokenIdentityLogin}'.");
        }

        if (string.IsNullOrWhiteSpace(UserAgent))
        {
            problems.Add("GitHub:UserAgent must not be empty (GitHub rejects requests without one).");
        }

        if (MaxRateLimitWait < TimeSpan.Zero || MaxServerErrorRetries < 0 || RequestTimeout <= TimeSpan.Zero)
        {
            problems.Add("GitHub:MaxRateLimitWait and GitHub:MaxServerErrorRetries must not be negative, GitHub:RequestTimeout must be positive.");
        }

        return problems;
    }

    /// <summary>The API root with a trailing slash, so relative routes resolve under a GHES <c>/api/v3/</c> prefix.</summary>
    public Uri ApiBaseUri => new(ApiUrl.EndsWith('/') ? ApiUrl : ApiUrl + "/", UriKind.Absolute);
}
