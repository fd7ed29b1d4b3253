namespace GitBot.Simulator;

/// <summary>The GitHub App the simulator hosts: what GitBot would copy from the App's settings page.</summary>
/// <param name="Id">The App ID (the JWT's <c>iss</c>).</param>
/// <param name="Slug">The URL-friendly name; the bot account is <c>{Slug}[bot]</c>.</param>
/// <param name="Name">The display name.</param>
/// <param name="PrivateKeyPem">The App's private key in PEM (PKCS#1), as GitHub lets you download it.</param>
/// <param name="WebhookSecret">The default webhook secret deliveries are signed with.</param>
public sealed record SimulatedApp(long Id, string Slug, string Name, string PrivateKeyPem, string WebhookSecret)
{
    /// <summary>The login the App acts as when it comments, reviews or creates check runs.</summary>
    public string BotLogin => Slug + "[bot]";

    /// <summary>
    /// The App GitHub attributes writes made with an Actions job's <c>GITHUB_TOKEN</c> to (id 15368, bot
    /// <c>github-actions[bot]</c>): on github.com a check run created with that token belongs to this App, not to any App
    /// installed on the repository. The simulator does the same for tokens from <see cref="GitHubSimulator.IssueRepositoryToken"/>.
    /// It has no key and sends no webhooks here.
    /// </summary>
    public static SimulatedApp GitHubActions { get; } = new(15368, "github-actions", "GitHub Actions", "", "");
}
