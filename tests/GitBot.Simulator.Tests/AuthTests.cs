using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using GitBot.Simulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace GitBot.Simulator.Tests;

public sealed class AuthTests
{
    private static async Task<HttpResponseMessage> GetAppAsync(GitHubSimulator simulator, string? jwt)
    {
        using var http = SimulatorHarness.Client(simulator, null);
        if (jwt is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jwt);
        }

        return await http.GetAsync("app");
    }

    [Fact]
    public async Task A_valid_app_jwt_is_accepted()
    {
        await using var simulator = await GitHubSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);

        using var response = await GetAppAsync(simulator, AppJwt.For(simulator, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var app = await SimulatorHarness.ReadAsync(response);
        Assert.Equal(simulator.App.Id, app["id"]!.GetValue<long>());
        Assert.Equal(simulator.App.Slug, app["slug"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_expired_jwt_is_401()
    {
        await using var simulator = await GitHubSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
        var now = DateTimeOffset.UtcNow;

        using var response = await GetAppAsync(simulator,
            AppJwt.Create(simulator.App.PrivateKeyPem, simulator.App.Id, now.AddMinutes(-12), now.AddMinutes(-2)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("'Expiration time' claim ('exp') must be a numeric value representing the future time",
            (await SimulatorHarness.ReadAsync(response))["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_jwt_living_longer_than_ten_minutes_is_401()
    {
        await using var simulator = await GitHubSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
        var now = DateTimeOffset.UtcNow;

        using var response = await GetAppAsync(simulator,
            AppJwt.Create(simulator.App.PrivateKeyPem, simulator.App.Id, now, now.AddMinutes(11)));
        using var longLived = await GetAppAsync(simulator,
            AppJwt.Create(simulator.App.PrivateKeyPem, simulator.App.Id, now.AddMinutes(-5), now.AddMinutes(6)));
        using var exactlyTen = await GetAppAsync(simulator,
            AppJwt.Create(simulator.App.PrivateKeyPem, simulator.App.Id, now.AddSeconds(-60), now.AddSeconds(540)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("'Expiration time' claim ('exp') is too far in the future",
            (await SimulatorHarness.ReadAsync(response))["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, longLived.StatusCode);
        Assert.Equal(HttpStatusCode.OK, exactlyTen.StatusCode);
    }

    [Fact]
    public async Task A_jwt_signed_with_another_key_or_naming_another_app_is_401()
    {
        await using var simulator = await GitHubSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
        using var other = RSA.Create(2048);
        var now = DateTimeOffset.UtcNow;

        using var wrongKey = await GetAppAsync(simulator,
            AppJwt.Create(other.ExportRSAPrivateKeyPem(), simulator.App.Id, now.AddSeconds(-60), now.AddMinutes(9)));
        using var wrongIssuer = await GetAppAsync(simulator,
            AppJwt.Create(simulator.App.PrivateKeyPem, simulator.App.Id + 1, now.AddSeconds(-60), now.AddMinutes(9)));
        using var garbage = await GetAppAsync(simulator, "not-a-jwt");
        using var missing = await GetAppAsync(simulator, null);

        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal("A JSON web token could not be decoded", (await SimulatorHarness.ReadAsync(wrongKey))["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, wrongIssuer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
    }

    [Fact]
    public async Task Installation_tokens_expire_after_the_configured_lifetime()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var h = await SimulatorHarness.StartAsync(new SimulatorOptions
        {
            TimeProvider = clock,
            InstallationTokenLifetime = TimeSpan.FromMinutes(30),
        });
        using var appClient = SimulatorHarness.Client(h.Simulator, null);
        appClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AppJwt.For(h.Simulator, clock.GetUtcNow()));

        using var created = await appClient.PostAsync($"app/installations/{h.Installation.Id}/access_tokens", null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await SimulatorHarness.ReadAsync(created);
        var token = body["token"]!.GetValue<string>();
        Assert.StartsWith("ghs_", token, StringComparison.Ordinal);
        Assert.Equal(clock.GetUtcNow().AddMinutes(30).ToUnixTimeSeconds(),
            DateTimeOffset.Parse(body["expires_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds());

        using var client = SimulatorHarness.Client(h.Simulator, token);
        using var fresh = await client.GetAsync($"repos/{SimulatorHarness.Repo}");
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);

        clock.Advance(TimeSpan.FromMinutes(31));
        using var expired = await client.GetAsync($"repos/{SimulatorHarness.Repo}");
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("Bad credentials", (await SimulatorHarness.ReadAsync(expired))["message"]!.GetValue<string>());
        Assert.Equal(2, h.Simulator.TokensIssued);
    }

    [Fact]
    public async Task Revoking_tokens_makes_the_next_call_401_and_bearer_works_like_token()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var token = h.Simulator.IssueInstallationToken(h.Installation.Id);
        using var bearer = SimulatorHarness.Client(h.Simulator, null);
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var before = await bearer.GetAsync($"repos/{SimulatorHarness.Repo}");
        h.Simulator.RevokeAllInstallationTokens();
        using var after = await bearer.GetAsync($"repos/{SimulatorHarness.Repo}");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task An_app_jwt_is_not_an_installation_token_and_vice_versa()
    {
        await using var h = await SimulatorHarness.StartAsync();
        using var jwtClient = SimulatorHarness.Client(h.Simulator, null);
        jwtClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AppJwt.For(h.Simulator, DateTimeOffset.UtcNow));

        using var jwtOnRepo = await jwtClient.GetAsync($"repos/{SimulatorHarness.Repo}/issues/1");
        using var tokenOnApp = await h.Http.GetAsync("app");

        Assert.Equal(HttpStatusCode.Unauthorized, jwtOnRepo.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tokenOnApp.StatusCode);
    }

    [Fact]
    public async Task A_repository_token_reaches_only_its_repository()
    {
        await using var h = await SimulatorHarness.StartAsync();
        await h.Simulator.AddRepositoryAsync(h.Installation, "octo-org/gadgets", CancellationToken.None);
        var other = await GitHubSimulatorInstallOtherAsync(h);
        using var scoped = SimulatorHarness.Client(h.Simulator, h.Simulator.IssueRepositoryToken(SimulatorHarness.Repo));

        using var own = await scoped.GetAsync($"repos/{SimulatorHarness.Repo}");
        using var sibling = await scoped.GetAsync("repos/octo-org/gadgets");
        using var foreign = await h.Http.GetAsync($"repos/{other}");
        using var listed = await scoped.GetAsync("installation/repositories");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, sibling.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(1, (await SimulatorHarness.ReadAsync(listed))["total_count"]!.GetValue<int>());
    }

    private static async Task<string> GitHubSimulatorInstallOtherAsync(SimulatorHarness h)
    {
        var installation = h.Simulator.AddInstallation("someone-else");
        var repo = await h.Simulator.AddRepositoryAsync(installation, "someone-else/private", CancellationToken.None);
        return repo.FullName;
    }
}
