using GitBot.GitHub.Clients;
using GitBot.GitHub.Results;
using GitBot.Simulator;

namespace GitBot.Cli.Tests.Setup;

public sealed class AppManifestsClientTests
{
    [Fact]
    public async Task A_manifest_code_converts_once_into_the_App_the_manifest_describes()
    {
        await using var github = await GitHubSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
        using var http = new HttpClient();
        var client = new AppManifestsClient(http, github.ApiUrl);
        var code = github.CreateManifestCode("""
            {"name":"Octo Bot","url":"https://bot.example.org","redirect_url":"http://127.0.0.1:1/callback",
             "hook_attributes":{"url":"https://bot.example.org/webhooks/github"},"public":false,
             "default_permissions":{"issues":"write","metadata":"read"},"default_events":["issues"]}
            """, "acme");

        var first = await client.ConvertAsync(code, CancellationToken.None);
        var again = await client.ConvertAsync(code, CancellationToken.None);

        Assert.True(first.IsSuccess, first.ToString());
        var app = Assert.Single(github.ManifestApps);
        Assert.Equal(app.Id, first.Value.Id);
        Assert.Equal("octo-bot", first.Value.Slug);
        Assert.Equal("Octo Bot", first.Value.Name);
        Assert.Equal("acme", first.Value.Owner!.Login);
        Assert.Equal(app.PrivateKeyPem, first.Value.Pem);
        Assert.Equal(app.WebhookSecret, first.Value.WebhookSecret);
        Assert.False(string.IsNullOrEmpty(first.Value.ClientSecret));
        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----", first.Value.Pem, StringComparison.Ordinal);
        Assert.Equal(GitHubErrorKind.NotFound, again.Error!.Kind);
        Assert.Empty(github.RejectedRequests);
    }
}
