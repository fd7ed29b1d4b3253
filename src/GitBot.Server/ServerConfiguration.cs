using GitBot.GitHub;

namespace GitBot.Server;

/// <summary>
/// The start-up decision: setup mode when the GitHub App is not configured at all; ingress when a webhook secret is;
/// a refusal (with the message to print) when App credentials or a token are configured without a webhook secret, or
/// the GitHub settings are inconsistent. A server that accepts unsigned deliveries must never exist.
/// </summary>
public sealed record ServerConfiguration(ServerMode Mode, GitHubOptions GitHub, string? Refusal)
{
    public static ServerConfiguration From(GitHubOptions github)
    {
        var hasSecret = !string.IsNullOrEmpty(github.WebhookSecret);
        var hasCredentials = github.AppId is not null || !string.IsNullOrWhiteSpace(github.PrivateKey) ||
                             !string.IsNullOrWhiteSpace(github.PrivateKeyPath) || !string.IsNullOrWhiteSpace(github.Token);

        if (!hasSecret && !string.IsNullOrEmpty(github.PreviousWebhookSecret))
        {
            return Refuse(github, "GitHub:PreviousWebhookSecret is set but GitHub:WebhookSecret is not. During a rotation set both; " +
                                  "the current secret goes in GitHub:WebhookSecret.");
        }

        if (!hasSecret && !hasCredentials)
        {
            return new ServerConfiguration(ServerMode.Setup, github, null);
        }

        if (!hasSecret)
        {
            return Refuse(github, "The GitHub App is configured (GitHub:AppId, a private key or GitHub:Token is set) but GitHub:WebhookSecret " +
                                  "is not, so webhook signatures could not be verified. Set GitHub:WebhookSecret (environment variable " +
                                  "GITBOT_GitHub__WebhookSecret) to the secret entered on the App's settings page.");
        }

        var problems = github.Validate();
        return problems.Count > 0
            ? Refuse(github, "The GitHub settings are not usable: " + string.Join(" ", problems))
            : new ServerConfiguration(ServerMode.Ingress, github, null);
    }

    private static ServerConfiguration Refuse(GitHubOptions github, string message) =>
        new(ServerMode.Setup, github, "GitBot refuses to start: " + message);
}
