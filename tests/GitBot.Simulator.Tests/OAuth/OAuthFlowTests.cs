using System.Net;
using System.Text.Json.Nodes;
using System.Web;
using GitBot.Simulator.Tests.Support;

namespace GitBot.Simulator.Tests.OAuth;

public sealed class OAuthFlowTests
{
    private const string Callback = "http://127.0.0.1:9/auth/callback";

    [Fact]
    public async Task The_authorize_page_offers_each_person_and_a_chosen_login_redirects_with_code_and_state()
    {
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.AddUser("mona", SimulatorHarness.Repo);
        h.Simulator.AddUser("hubot");
        using var web = Web(h.Simulator);

        var page = await web.GetStringAsync(AuthorizePath(h.Simulator, "s1"));
        using var chosen = await web.GetAsync(AuthorizePath(h.Simulator, "s2") + "&login=mona");
        using var posted = await web.PostAsync("login/oauth/authorize", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = h.Simulator.OAuthClientId,
            ["redirect_uri"] = Callback,
            ["state"] = "s3",
            ["login"] = "hubot",
        }));

        Assert.Contains("<button name=\"login\" value=\"mona\">", page, StringComparison.Ordinal);
        Assert.Contains("<button name=\"login\" value=\"hubot\">", page, StringComparison.Ordinal);
        Assert.Contains("name=\"state\" value=\"s1\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Found, chosen.StatusCode);
        var location = chosen.Headers.Location!;
        Assert.StartsWith(Callback + "?code=", location.ToString(), StringComparison.Ordinal);
        Assert.Equal("s2", HttpUtility.ParseQueryString(location.Query)["state"]);
        Assert.Equal(HttpStatusCode.Found, posted.StatusCode);
        Assert.Equal("s3", HttpUtility.ParseQueryString(posted.Headers.Location!.Query)["state"]);
    }

    [Fact]
    public async Task An_unknown_client_id_gets_no_authorize_page()
    {
        await using var h = await SimulatorHarness.StartAsync();
        using var web = Web(h.Simulator);

        using var response = await web.GetAsync($"login/oauth/authorize?client_id=Iv1.nope&redirect_uri={Uri.EscapeDataString(Callback)}&login=mona");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_code_is_exchanged_once_for_a_user_token_that_answers_the_user_routes_validated()
    {
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.AddUser("mona", SimulatorHarness.Repo);
        using var web = Web(h.Simulator);
        var code = await CodeAsync(web, h.Simulator, "mona");

        var first = await ExchangeAsync(web, h.Simulator, code, h.Simulator.OAuthClientSecret);
        var again = await ExchangeAsync(web, h.Simulator, code, h.Simulator.OAuthClientSecret);

        var token = first["access_token"]!.GetValue<string>();
        Assert.StartsWith("ghu_", token, StringComparison.Ordinal);
        Assert.Equal("bad_verification_code", again["error"]!.GetValue<string>());
        using var api = SimulatorHarness.Client(h.Simulator, token);
        var user = await SimulatorHarness.ReadAsync(await api.GetAsync("user"));
        var installations = await SimulatorHarness.ReadAsync(await api.GetAsync("user/installations"));
        var repositories = await SimulatorHarness.ReadAsync(await api.GetAsync($"user/installations/{h.Installation.Id}/repositories"));
        Assert.Equal("mona", user["login"]!.GetValue<string>());
        Assert.Equal(h.Installation.Id, installations["installations"]![0]!["id"]!.GetValue<long>());
        Assert.Equal(SimulatorHarness.Repo, repositories["repositories"]![0]!["full_name"]!.GetValue<string>());
        Assert.Empty(h.Simulator.RejectedRequests);
    }

    [Fact]
    public async Task A_wrong_client_secret_or_an_unknown_code_is_answered_200_with_an_error_field()
    {
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.AddUser("mona");
        using var web = Web(h.Simulator);

        var wrongSecret = await ExchangeAsync(web, h.Simulator, await CodeAsync(web, h.Simulator, "mona"), "not-the-secret");
        var unknown = await ExchangeAsync(web, h.Simulator, "0123456789abcdef0123", h.Simulator.OAuthClientSecret);

        Assert.Equal("incorrect_client_credentials", wrongSecret["error"]!.GetValue<string>());
        Assert.Null(wrongSecret["access_token"]);
        Assert.Equal("bad_verification_code", unknown["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_user_sees_only_installations_and_repositories_they_can_access()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var other = h.Simulator.AddInstallation("other-org");
        await h.Simulator.AddRepositoryAsync(other, "other-org/secret", CancellationToken.None);
        h.Simulator.AddUser("mona", SimulatorHarness.Repo);
        using var api = SimulatorHarness.Client(h.Simulator, h.Simulator.IssueUserToken("mona"));

        var installations = await SimulatorHarness.ReadAsync(await api.GetAsync("user/installations"));
        using var hidden = await api.GetAsync($"user/installations/{other.Id}/repositories");

        Assert.Equal(1, installations["total_count"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task A_user_token_is_refused_outside_the_user_routes_and_an_installation_token_on_them()
    {
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.AddUser("mona", SimulatorHarness.Repo);
        using var user = SimulatorHarness.Client(h.Simulator, h.Simulator.IssueUserToken("mona"));
        using var forged = SimulatorHarness.Client(h.Simulator, "ghu_000000000000000000000000000000000000");

        using var repo = await user.GetAsync($"repos/{SimulatorHarness.Repo}");
        using var installationOnUser = await h.Http.GetAsync("user");
        using var unknown = await forged.GetAsync("user");

        Assert.Equal(HttpStatusCode.Forbidden, repo.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, installationOnUser.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
    }

    [Fact]
    public async Task An_expired_user_token_is_401()
    {
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.AddUser("mona");
        using var user = SimulatorHarness.Client(h.Simulator, h.Simulator.IssueUserToken("mona"));

        h.Simulator.ExpireUserTokens();
        using var response = await user.GetAsync("user");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static HttpClient Web(GitHubSimulator simulator) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = simulator.WebUrl };

    private static string AuthorizePath(GitHubSimulator simulator, string state) =>
        $"login/oauth/authorize?client_id={simulator.OAuthClientId}&redirect_uri={Uri.EscapeDataString(Callback)}&state={state}";

    private static async Task<string> CodeAsync(HttpClient web, GitHubSimulator simulator, string login)
    {
        using var response = await web.GetAsync(AuthorizePath(simulator, "x") + "&login=" + login);
        return HttpUtility.ParseQueryString(response.Headers.Location!.Query)["code"]!;
    }

    private static async Task<JsonNode> ExchangeAsync(HttpClient web, GitHubSimulator simulator, string code, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "login/oauth/access_token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["client_id"] = simulator.OAuthClientId,
                ["client_secret"] = secret,
                ["code"] = code,
                ["redirect_uri"] = Callback,
            }),
        };
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await web.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await SimulatorHarness.ReadAsync(response);
    }
}
