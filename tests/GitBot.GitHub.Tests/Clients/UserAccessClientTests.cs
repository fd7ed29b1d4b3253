using System.Web;
using GitBot.GitHub.Clients;
using GitBot.GitHub.Results;
using GitBot.Simulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GitBot.GitHub.Tests.Clients;

/// <summary>The sign-in client against the GitHub simulator, wired as the server wires it (<c>AddGitHubClient</c>).</summary>
public sealed class UserAccessClientTests
{
    private const string Callback = "http://127.0.0.1:9/auth/callback";

    [Fact]
    public async Task A_code_from_the_web_flow_becomes_the_users_login_and_repositories_across_installations()
    {
        await using var simulator = await GitHubSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
        var first = simulator.AddInstallation("octo");
        var second = simulator.AddInstallation("acme");
        await simulator.AddRepositoryAsync(first, "octo/one", CancellationToken.None);
        await simulator.AddRepositoryAsync(first, "octo/hidden", CancellationToken.None);
        await simulator.AddRepositoryAsync(second, "acme/two", CancellationToken.None);
        simulator.AddUser("mona", "octo/one", "acme/two");
        await using var services = Services(simulator, simulator.OAuthClientSecret);
        var client = services.GetRequiredService<UserAccessClient>();

        var token = await client.ExchangeCodeAsync(await CodeAsync(simulator, "mona"), Callback, CancellationToken.None);
        var access = await client.ListAccessibleRepositoriesAsync(token.Value, CancellationToken.None);

        Assert.True(access.IsSuccess, access.ToString());
        Assert.Equal("mona", access.Value.Login);
        Assert.Equal(["acme/two", "octo/one"], access.Value.Repositories.Order(StringComparer.Ordinal));
        Assert.Contains("OCTO/ONE", access.Value.Repositories);
        Assert.DoesNotContain(token.Value.Value, token.Value.ToString(), StringComparison.Ordinal);
        Assert.Empty(simulator.RejectedRequests);
    }

    [Fact]
    public async Task A_reused_code_or_a_wrong_secret_is_an_Unauthorized_value_naming_GitHubs_error()
    {
        await using var simulator = await GitHubSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
        simulator.AddUser("mona");
        await using var good = Services(simulator, simulator.OAuthClientSecret);
        await using var bad = Services(simulator, "wrong-secret");
        var code = await CodeAsync(simulator, "mona");

        var once = await good.GetRequiredService<UserAccessClient>().ExchangeCodeAsync(code, Callback, CancellationToken.None);
        var twice = await good.GetRequiredService<UserAccessClient>().ExchangeCodeAsync(code, Callback, CancellationToken.None);
        var wrong = await bad.GetRequiredService<UserAccessClient>().ExchangeCodeAsync(await CodeAsync(simulator, "mona"), Callback, CancellationToken.None);

        Assert.True(once.IsSuccess);
        Assert.Equal(GitHubErrorKind.Unauthorized, twice.Error!.Kind);
        Assert.StartsWith("bad_verification_code", twice.Error.Message, StringComparison.Ordinal);
        Assert.Equal(GitHubErrorKind.Unauthorized, wrong.Error!.Kind);
        Assert.StartsWith("incorrect_client_credentials", wrong.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_user_token_reads_as_Unauthorized_and_an_unconfigured_client_as_NotConfigured()
    {
        await using var simulator = await GitHubSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
        simulator.AddUser("mona");
        await using var services = Services(simulator, simulator.OAuthClientSecret);
        var token = new UserAccessToken(simulator.IssueUserToken("mona"));
        simulator.ExpireUserTokens();
        using var http = new HttpClient();
        var unconfigured = new UserAccessClient(http, new GitHubOptions { ApiUrl = simulator.ApiUrl.ToString(), WebUrl = simulator.WebUrl.ToString() });

        var expired = await services.GetRequiredService<UserAccessClient>().ListAccessibleRepositoriesAsync(token, CancellationToken.None);
        var exchange = await unconfigured.ExchangeCodeAsync("code", Callback, CancellationToken.None);

        Assert.Equal(GitHubErrorKind.Unauthorized, expired.Error!.Kind);
        Assert.False(unconfigured.IsConfigured);
        Assert.Equal(GitHubErrorKind.NotConfigured, exchange.Error!.Kind);
    }

    private static ServiceProvider Services(GitHubSimulator simulator, string secret)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GitHub:ApiUrl"] = simulator.ApiUrl.ToString(),
            ["GitHub:WebUrl"] = simulator.WebUrl.ToString(),
            ["GitHub:ClientId"] = simulator.OAuthClientId,
            ["GitHub:ClientSecret"] = secret,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddGitHubClient(configuration);
        return services.BuildServiceProvider();
    }

    private static async Task<string> CodeAsync(GitHubSimulator simulator, string login)
    {
        using var web = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = simulator.WebUrl };
        using var response = await web.GetAsync(
            $"login/oauth/authorize?client_id={simulator.OAuthClientId}&redirect_uri={Uri.EscapeDataString(Callback)}&login={login}");
        return HttpUtility.ParseQueryString(response.Headers.Location!.Query)["code"]!;
    }
}
