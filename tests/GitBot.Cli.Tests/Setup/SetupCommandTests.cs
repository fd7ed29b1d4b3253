using System.Net;
using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using GitBot.Simulator;
using GitBot.Testing;

namespace GitBot.Cli.Tests.Setup;

public sealed class SetupCommandTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Setup_creates_the_App_from_the_manifest_and_writes_its_id_key_and_secret_with_mode_0600()
    {
        await using var github = await GitHubSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
        using var dir = new TempDirectory("gitbot-setup");
        var config = Path.Combine(dir.Path, "gitbot.json");
        await File.WriteAllTextAsync(config, """{ "Database": { "Provider": "postgres" }, "GitHub": { "PrivateKey": "old" } }""");
        await using var setup = SetupHarness.Start("--config", config, "--github-url", github.ApiUrl.AbsoluteUri,
            "--api-url", github.ApiUrl.AbsoluteUri, "--public-url", "https://gitbot.example.org");

        var (action, manifestText) = await setup.OpenSetupPageAsync();
        Assert.Equal(github.NewAppPageUrl.AbsoluteUri, action.GetLeftPart(UriPartial.Path));
        var manifest = JsonNode.Parse(manifestText)!;
        Assert.Equal(new Uri(setup.Root, "callback").AbsoluteUri, (string?)manifest["redirect_url"]);
        Assert.Equal("https://gitbot.example.org/webhooks/github", (string?)manifest["hook_attributes"]!["url"]);
        Assert.Equal("https://gitbot.example.org/auth/callback", (string?)manifest["callback_urls"]![0]);
        Assert.False((bool)manifest["public"]!);
        Assert.Equal("write", (string?)manifest["default_permissions"]!["actions"]);

        var callback = await setup.PostManifestAsync(action, manifestText);
        Assert.StartsWith(setup.Root.AbsoluteUri + "callback?code=", callback.AbsoluteUri, StringComparison.Ordinal);
        // A callback that did not come from this run's page (another state) is refused and changes nothing.
        var forged = new Uri(callback.AbsoluteUri[..callback.AbsoluteUri.IndexOf("&state=", StringComparison.Ordinal)] + "&state=forged");
        using (var refused = await setup.Browser.GetAsync(forged))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        Assert.DoesNotContain("AppId", await File.ReadAllTextAsync(config), StringComparison.Ordinal);
        using (var done = await setup.Browser.GetAsync(callback))
        {
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        }

        var (exitCode, output) = await setup.CompleteAsync();
        Assert.True(exitCode == 0, output);
        var app = Assert.Single(github.ManifestApps);
        var written = JsonNode.Parse(await File.ReadAllTextAsync(config))!;
        Assert.Equal(app.Id, (long)written["GitHub"]!["AppId"]!);
        Assert.Equal(app.WebhookSecret, (string?)written["GitHub"]!["WebhookSecret"]);
        Assert.False(string.IsNullOrEmpty((string?)written["GitHub"]!["ClientId"]), "the App's OAuth client id (dashboard sign-in) is written");
        Assert.False(string.IsNullOrEmpty((string?)written["GitHub"]!["ClientSecret"]), "the App's OAuth client secret is written");
        Assert.Equal(github.ApiUrl.AbsoluteUri, (string?)written["GitHub"]!["ApiUrl"]);
        Assert.Null(written["GitHub"]!["PrivateKey"]);
        Assert.Equal("postgres", (string?)written["Database"]!["Provider"]);
        var keyPath = (string)written["GitHub"]!["PrivateKeyPath"]!;
        Assert.Equal(app.PrivateKeyPem.TrimEnd(), (await File.ReadAllTextAsync(keyPath)).TrimEnd());
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(keyPath));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(config));
        Assert.Contains("gitbot doctor", output, StringComparison.Ordinal);
        Assert.Contains(app.Slug + "/installations/new", output, StringComparison.Ordinal);
        Assert.Empty(github.RejectedRequests);
    }

    [Fact]
    public async Task Setup_for_an_organization_posts_the_manifest_to_the_organization_page()
    {
        await using var github = await GitHubSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
        using var dir = new TempDirectory("gitbot-setup");
        var config = Path.Combine(dir.Path, "nested", "gitbot.json");
        await using var setup = SetupHarness.Start("--config", config, "--github-url", github.ApiUrl.AbsoluteUri,
            "--api-url", github.ApiUrl.AbsoluteUri, "--org", "acme", "--public-url", "https://gitbot.example.org");

        var (action, manifest) = await setup.OpenSetupPageAsync();
        Assert.Equal(new Uri(github.ApiUrl, "organizations/acme/settings/apps/new").AbsoluteUri, action.GetLeftPart(UriPartial.Path));
        using (await setup.Browser.GetAsync(await setup.PostManifestAsync(action, manifest)))
        {
        }

        var (exitCode, output) = await setup.CompleteAsync();
        Assert.True(exitCode == 0, output);
        Assert.Equal(Assert.Single(github.ManifestApps).Id, (long)JsonNode.Parse(await File.ReadAllTextAsync(config))!["GitHub"]!["AppId"]!);
        Assert.Empty(github.RejectedRequests);
    }

    [Fact]
    public async Task Setup_with_a_code_GitHub_does_not_know_fails_clearly_and_writes_nothing()
    {
        await using var github = await GitHubSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
        using var dir = new TempDirectory("gitbot-setup");
        var config = Path.Combine(dir.Path, "gitbot.json");
        await using var setup = SetupHarness.Start("--config", config, "--github-url", github.ApiUrl.AbsoluteUri,
            "--api-url", github.ApiUrl.AbsoluteUri, "--public-url", "https://gitbot.example.org");

        var (action, _) = await setup.OpenSetupPageAsync();
        var state = action.Query[(action.Query.IndexOf("state=", StringComparison.Ordinal) + 6)..];
        using (var failed = await setup.Browser.GetAsync(new Uri(setup.Root, "callback?code=not-a-code&state=" + state)))
        {
            Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        }

        var (exitCode, output) = await setup.CompleteAsync();
        Assert.Equal(1, exitCode);
        Assert.Contains("GitHub did not convert the manifest code (NotFound (404)", output, StringComparison.Ordinal);
        Assert.Contains("no App credentials were written", output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
        Assert.Empty(github.ManifestApps);
        Assert.Empty(github.RejectedRequests);
    }

    [Fact]
    public async Task Setup_with_an_expired_code_fails_and_writes_nothing()
    {
        var time = new ShiftedTime();
        await using var github = await GitHubSimulator.StartAsync(new SimulatorOptions { TimeProvider = time }, CancellationToken.None);
        using var dir = new TempDirectory("gitbot-setup");
        var config = Path.Combine(dir.Path, "gitbot.json");
        await using var setup = SetupHarness.Start("--config", config, "--github-url", github.ApiUrl.AbsoluteUri,
            "--api-url", github.ApiUrl.AbsoluteUri, "--public-url", "https://gitbot.example.org");

        var (action, manifest) = await setup.OpenSetupPageAsync();
        var callback = await setup.PostManifestAsync(action, manifest);
        time.Offset = TimeSpan.FromMinutes(61);
        using (var failed = await setup.Browser.GetAsync(callback))
        {
            Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        }

        var (exitCode, output) = await setup.CompleteAsync();
        Assert.Equal(1, exitCode);
        Assert.Contains("Codes work once and expire after an hour", output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
        Assert.Empty(github.ManifestApps);
    }

    [Fact]
    public async Task Setup_refuses_a_configuration_file_that_is_not_JSON_before_listening()
    {
        using var dir = new TempDirectory("gitbot-setup");
        var config = Path.Combine(dir.Path, "gitbot.json");
        await File.WriteAllTextAsync(config, "{ not json");
        await using var setup = SetupHarness.Start("--config", config);

        var (exitCode, output) = await setup.CompleteAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("is not valid JSON", output, StringComparison.Ordinal);
        Assert.Equal("{ not json", await File.ReadAllTextAsync(config));
    }

    /// <summary>The system clock moved by <see cref="Offset"/>, to age a code past its hour.</summary>
    private sealed class ShiftedTime : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
    }
}
