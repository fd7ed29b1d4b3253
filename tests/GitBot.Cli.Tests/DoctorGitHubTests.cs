using System.Security.Cryptography;
using GitBot.Simulator;
using GitBot.Testing;

namespace GitBot.Cli.Tests;

/// <summary><c>gitbot doctor</c> against the GitHub simulator: real JWTs, real HTTP, GitHub's own request rules.</summary>
public sealed class DoctorGitHubTests
{
    [Fact]
    public async Task Doctor_authenticates_as_the_App_and_reports_the_database()
    {
        await using var github = await GitHubSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
        using var dir = new TempDirectory();

        var result = await GitBotProcess.RunAsync(dir.Path, AppEnvironment(github, github.App.PrivateKeyPem), "doctor");

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.Contains($"[ ok ] GitHub App: authenticated as App '{github.App.Slug}' (id {github.App.Id})", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("[ ok ] database: sqlite: reachable; 7 migration(s) will be applied", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("[ ok ] webhook secret: set", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("doctor-secret", result.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(github.RejectedRequests);
    }

    [Fact]
    public async Task Doctor_fails_with_a_fix_when_the_App_key_is_not_the_Apps_key()
    {
        await using var github = await GitHubSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
        using var dir = new TempDirectory();
        using var otherKey = RSA.Create(2048);

        var result = await GitBotProcess.RunAsync(dir.Path, AppEnvironment(github, otherKey.ExportRSAPrivateKeyPem()), "doctor");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("[FAIL] GitHub App: GET", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("fix: check GitHub:AppId, the private key", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_fails_when_an_App_is_configured_without_a_webhook_secret()
    {
        await using var github = await GitHubSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
        using var dir = new TempDirectory();
        var environment = AppEnvironment(github, github.App.PrivateKeyPem);
        environment.Remove("GITBOT_GitHub__WebhookSecret");

        var result = await GitBotProcess.RunAsync(dir.Path, environment, "doctor");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("[FAIL] webhook secret: not set while an App or token is configured", result.StandardOutput, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> AppEnvironment(GitHubSimulator github, string privateKeyPem) => new()
    {
        ["GITBOT_GitHub__ApiUrl"] = github.ApiUrl.ToString(),
        ["GITBOT_GitHub__AppId"] = github.App.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["GITBOT_GitHub__PrivateKey"] = privateKeyPem,
        ["GITBOT_GitHub__WebhookSecret"] = "doctor-secret",
    };
}
