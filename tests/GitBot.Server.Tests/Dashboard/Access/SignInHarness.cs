using System.Net;
using System.Web;
using GitBot.Simulator;

namespace GitBot.Server.Tests.Dashboard.Access;

/// <summary>
/// A real <c>gitbot serve</c> (SQLite) whose sign-in goes to the GitHub simulator, and a browser stand-in that follows
/// redirects and carries cookies by hand, so each step of the flow can be inspected and tampered with.
/// </summary>
public sealed class SignInHarness : IAsyncDisposable
{
    public const string AdminToken = "admin-token-0123456789abcdef";

    private SignInHarness(GitHubSimulator github, TestServer server, HttpClient browser, HttpClient web)
    {
        GitHub = github;
        Server = server;
        Browser = browser;
        Web = web;
    }

    public GitHubSimulator GitHub { get; }

    public TestServer Server { get; }

    /// <summary>Talks to GitBot; never follows redirects, never stores cookies.</summary>
    public HttpClient Browser { get; }

    /// <summary>Talks to the simulator's web pages the same way.</summary>
    public HttpClient Web { get; }

    /// <summary>octo/one and octo/two exist; mona may see octo/one only.</summary>
    public static async Task<SignInHarness> StartAsync(bool configureOAuth = true)
    {
        var github = await GitHubSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
        var installation = github.AddInstallation("octo");
        await github.AddRepositoryAsync(installation, "octo/one", CancellationToken.None);
        await github.AddRepositoryAsync(installation, "octo/two", CancellationToken.None);
        github.AddUser("mona", "octo/one");
        var settings = TestServer.ConfiguredApp();
        settings["GitHub:ApiUrl"] = github.ApiUrl.ToString();
        settings["GitHub:WebUrl"] = github.WebUrl.ToString();
        settings["Dashboard:AdminToken"] = AdminToken;
        if (configureOAuth)
        {
            settings["GitHub:ClientId"] = github.OAuthClientId;
            settings["GitHub:ClientSecret"] = github.OAuthClientSecret;
        }

        var server = await TestServer.StartAsync(TestServer.Sqlite, settings);
        var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.Client.BaseAddress };
        var web = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = github.WebUrl };
        return new SignInHarness(github, server, browser, web);
    }

    /// <summary>
    /// <c>/auth/login</c> → GitHub's authorize page as <paramref name="login"/> → the callback URL GitHub redirects to,
    /// and the state cookie GitBot set.
    /// </summary>
    public async Task<(Uri Callback, string StateCookie)> AuthorizeAsync(string login, string returnUrl)
    {
        using var start = await Browser.GetAsync("/auth/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.Found, start.StatusCode);
        var authorize = start.Headers.Location!;
        Assert.StartsWith(new Uri(GitHub.WebUrl, "login/oauth/authorize").ToString(), authorize.ToString(), StringComparison.Ordinal);
        var query = HttpUtility.ParseQueryString(authorize.Query);
        Assert.Equal(GitHub.OAuthClientId, query["client_id"]);
        Assert.Equal(new Uri(Browser.BaseAddress!, "/auth/callback"), new Uri(query["redirect_uri"]!));
        var stateCookie = CookieValue(start, "gitbot_auth_state");
        Assert.NotNull(stateCookie);
        using var authorized = await Web.GetAsync(authorize + "&login=" + login);
        Assert.Equal(HttpStatusCode.Found, authorized.StatusCode);
        return (authorized.Headers.Location!, stateCookie);
    }

    /// <summary>The whole sign-in; returns the session cookie value and the callback's redirect.</summary>
    public async Task<(string Session, string Location)> SignInAsync(string login, string returnUrl = "/")
    {
        var (callback, state) = await AuthorizeAsync(login, returnUrl);
        using var answer = await GetAsync(callback.PathAndQuery, "gitbot_auth_state=" + state);
        Assert.Equal(HttpStatusCode.Found, answer.StatusCode);
        var session = CookieValue(answer, "gitbot_session");
        Assert.NotNull(session);
        return (session, answer.Headers.Location!.ToString());
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string? cookie = null, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        return await Browser.SendAsync(request);
    }

    /// <summary>The value a <c>Set-Cookie</c> header gives <paramref name="name"/>, or null.</summary>
    public static string? CookieValue(HttpResponseMessage response, string name) =>
        SetCookie(response, name) is { } header ? header[(name.Length + 1)..].Split(';')[0] : null;

    /// <summary>The whole <c>Set-Cookie</c> header for <paramref name="name"/>, or null.</summary>
    public static string? SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal))
            : null;

    public async ValueTask DisposeAsync()
    {
        Browser.Dispose();
        Web.Dispose();
        await Server.DisposeAsync();
        await GitHub.DisposeAsync();
    }
}
