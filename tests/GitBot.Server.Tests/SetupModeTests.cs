using System.Net;
using Microsoft.Extensions.Configuration;

namespace GitBot.Server.Tests;

public sealed class SetupModeTests
{
    [Fact]
    public async Task Without_any_GitHub_configuration_the_server_serves_the_setup_page_and_refuses_webhooks()
    {
        await using var server = await TestServer.StartAsync(TestServer.Sqlite, []);

        using var page = await server.Client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        using var webhook = await server.PostAsync("while-in-setup", Payloads.Small());
        using var health = await server.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"{server.Client.BaseAddress!.ToString().TrimEnd('/')}/webhooks/github", html, StringComparison.Ordinal);
        foreach (var expected in new[] { "Pull requests", "Commit statuses", "workflow_run", "pull_request_review_comment", "GitHub:WebhookSecret", "GitHub:AppId" })
        {
            Assert.Contains(expected, html, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, webhook.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(0, await server.CountDeliveriesAsync());
    }

    [Fact]
    public async Task The_setup_page_uses_the_configured_public_url()
    {
        await using var server = await TestServer.StartAsync(TestServer.Sqlite, new() { ["Server:PublicUrl"] = "https://gitbot.example.com/" });

        var html = await server.Client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("https://gitbot.example.com/webhooks/github", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GitHub:AppId", "12345")]
    [InlineData("GitHub:PrivateKey", "-----BEGIN RSA PRIVATE KEY-----")]
    [InlineData("GitHub:Token", "ghs_token")]
    public void A_configured_app_without_a_webhook_secret_refuses_to_start(string key, string value)
    {
        var build = TestServer.Build(new() { [key] = value });

        Assert.False(build.Succeeded);
        Assert.Null(build.App);
        Assert.Contains("GitHub:WebhookSecret", build.Error, StringComparison.Ordinal);
        Assert.StartsWith("GitBot refuses to start", build.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_writes_the_refusal_and_returns_a_failure_exit_code()
    {
        using var error = new StringWriter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["GitHub:AppId"] = "12345" }).Build();

        var exitCode = await GitBotServer.RunAsync([], configuration, error, CancellationToken.None);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("GitHub:WebhookSecret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_webhook_secret_with_a_half_configured_app_refuses_to_start()
    {
        var build = TestServer.Build(new() { ["GitHub:WebhookSecret"] = "s", ["GitHub:AppId"] = "12345" });

        Assert.False(build.Succeeded);
        Assert.Contains("GitHub:PrivateKey", build.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unusable_database_setting_refuses_to_start()
    {
        var build = TestServer.Build(new() { ["Database:Provider"] = "postgres" });

        Assert.False(build.Succeeded);
        Assert.Contains("Database:ConnectionString", build.Error, StringComparison.Ordinal);
    }
}
