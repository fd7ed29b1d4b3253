using GitBot.GitHub;
using GitBot.GitHub.Clients;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GitBot.Cli.Doctor;

/// <summary>
/// Checks the GitHub settings as GitBot will use them: their consistency, the webhook secret, and (App or token
/// configured) one real authenticated call, so a wrong App id, key or token shows up here rather than on the first
/// webhook. Secrets are never printed.
/// </summary>
public sealed class GitHubCheck : IDoctorCheck
{
    public async Task<IReadOnlyList<DoctorFinding>> RunAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection().AddLogging().AddGitHubClient(configuration);
        await using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<GitHubOptions>>().Value;

        var problems = options.Validate();
        if (problems.Count > 0)
        {
            return problems.Select(p => DoctorFinding.Error("GitHub settings", p, "fix the setting named above")).ToList();
        }

        var findings = new List<DoctorFinding> { SecretFinding(options) };
        switch (options.Mode)
        {
            case GitHubAuthMode.Unconfigured:
                findings.Add(DoctorFinding.Warning("GitHub App", "no App or token configured: `gitbot serve` runs in setup mode",
                    "create a GitHub App (see README, 'GitHub App setup') and set GitHub:AppId and GitHub:PrivateKeyPath"));
                break;
            case GitHubAuthMode.App:
                var app = await provider.GetRequiredService<GitHubAppClient>().GetAppAsync(cancellationToken);
                findings.Add(app.IsSuccess
                    ? DoctorFinding.Ok("GitHub App", $"authenticated as App '{app.Value.Slug ?? app.Value.Name}' (id {app.Value.Id}) at {options.ApiBaseUri}")
                    : DoctorFinding.Error("GitHub App", $"GET {options.ApiBaseUri}app failed: {app.Error}",
                        "check GitHub:AppId, the private key (regenerate it on the App's page if unsure) and GitHub:ApiUrl"));
                break;
            default:
                var client = provider.GetRequiredService<GitHubClientFactory>().ForToken(options.Token!);
                var repositories = await client.Installation.ListRepositoriesAsync(cancellationToken);
                findings.Add(repositories.IsSuccess
                    ? DoctorFinding.Ok("GitHub token", $"token works: {repositories.Value.Count} repositories reachable at {options.ApiBaseUri}")
                    : DoctorFinding.Error("GitHub token", $"listing the token's repositories failed: {repositories.Error}",
                        "check GitHub:Token (an Action's GITHUB_TOKEN or an installation token) and GitHub:ApiUrl"));
                break;
        }

        return findings;
    }

    private static DoctorFinding SecretFinding(GitHubOptions options)
    {
        if (!string.IsNullOrEmpty(options.WebhookSecret))
        {
            return DoctorFinding.Ok("webhook secret", string.IsNullOrEmpty(options.PreviousWebhookSecret)
                ? "set"
                : "set, with a previous secret accepted during rotation");
        }

        return options.Mode == GitHubAuthMode.Unconfigured
            ? DoctorFinding.Warning("webhook secret", "not set: webhooks cannot be verified, so none are accepted",
                "set GitHub:WebhookSecret to the secret on the App's settings page")
            : DoctorFinding.Error("webhook secret", "not set while an App or token is configured: `gitbot serve` refuses to start",
                "set GitHub:WebhookSecret (GITBOT_GitHub__WebhookSecret) to the secret on the App's settings page");
    }
}
