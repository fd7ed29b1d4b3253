using System.Net;

namespace GitBot.Server.Tests.Dashboard.Access;

/// <summary>Sign-in with GitHub over real HTTP: GitBot, the simulator's OAuth pages and user API, cookies by hand.</summary>
public sealed class SignInTests
{
    [Fact]
    public async Task Signing_in_through_GitHub_gives_a_session_that_sees_only_the_users_repositories_until_logout()
    {
        await using var h = await SignInHarness.StartAsync();

        var (callback, state) = await h.AuthorizeAsync("mona", "/repos/octo/one?tab=runs");
        using var answer = await h.GetAsync(callback.PathAndQuery, "gitbot_auth_state=" + state);
        var session = SignInHarness.CookieValue(answer, "gitbot_session")!;
        using var me = await h.GetAsync("/auth/me", "gitbot_session=" + session);

        Assert.Equal(HttpStatusCode.Found, answer.StatusCode);
        Assert.Equal("/repos/octo/one?tab=runs", answer.Headers.Location!.ToString());
        var setCookie = SignInHarness.SetCookie(answer, "gitbot_session")!.ToLowerInvariant();
        Assert.Contains("httponly", setCookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", setCookie, StringComparison.Ordinal);
        Assert.Contains("path=/", setCookie, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("mona\nocto/one\n", await me.Content.ReadAsStringAsync());
        Assert.Empty(h.GitHub.RejectedRequests);

        using var logout = new HttpRequestMessage(HttpMethod.Post, "/auth/logout");
        logout.Headers.Add("Cookie", "gitbot_session=" + session);
        using var loggedOut = await h.Browser.SendAsync(logout);
        using var after = await h.GetAsync("/auth/me", "gitbot_session=" + session);

        Assert.Equal(HttpStatusCode.SeeOther, loggedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task A_callback_whose_state_is_not_the_browsers_is_refused_and_starts_no_session()
    {
        await using var h = await SignInHarness.StartAsync();
        var (callback, state) = await h.AuthorizeAsync("mona", "/");
        var (_, otherState) = await h.AuthorizeAsync("mona", "/");

        using var swapped = await h.GetAsync(callback.PathAndQuery, "gitbot_auth_state=" + otherState);
        using var noCookie = await h.GetAsync(callback.PathAndQuery);
        var forged = callback.PathAndQuery.Replace("state=", "state=x", StringComparison.Ordinal);
        using var tampered = await h.GetAsync(forged, "gitbot_auth_state=" + state);

        foreach (var refused in new[] { swapped, noCookie, tampered })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Null(SignInHarness.CookieValue(refused, "gitbot_session"));
        }
    }

    [Theory]
    [InlineData("//evil.example/steal")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("evil")]
    public async Task A_return_url_that_is_not_a_local_path_sends_the_user_home(string returnUrl)
    {
        await using var h = await SignInHarness.StartAsync();

        var (_, location) = await h.SignInAsync("mona", returnUrl);

        Assert.Equal("/", location);
    }

    [Fact]
    public async Task A_code_GitHub_does_not_confirm_starts_no_session()
    {
        await using var h = await SignInHarness.StartAsync();
        var (callback, state) = await h.AuthorizeAsync("mona", "/");
        using var first = await h.GetAsync(callback.PathAndQuery, "gitbot_auth_state=" + state);
        var (_, freshState) = await h.AuthorizeAsync("mona", "/");
        var reused = callback.PathAndQuery[..callback.PathAndQuery.IndexOf("&state=", StringComparison.Ordinal)] + "&state=" +
            Uri.EscapeDataString(freshState.Split('.')[0]);

        using var again = await h.GetAsync(reused, "gitbot_auth_state=" + freshState);

        Assert.Equal(HttpStatusCode.Found, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, again.StatusCode);
        Assert.Contains("bad_verification_code", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(SignInHarness.CookieValue(again, "gitbot_session"));
    }

    [Fact]
    public async Task Without_an_OAuth_client_sign_in_answers_503_naming_the_settings_and_the_admin_token_still_works()
    {
        await using var h = await SignInHarness.StartAsync(configureOAuth: false);

        using var login = await h.GetAsync("/auth/login");
        using var admin = await h.GetAsync("/auth/me", bearer: SignInHarness.AdminToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, login.StatusCode);
        var page = await login.Content.ReadAsStringAsync();
        Assert.Contains("GitHub:ClientId", page, StringComparison.Ordinal);
        Assert.Contains("GitHub:ClientSecret", page, StringComparison.Ordinal);
        Assert.Contains("Dashboard:AdminToken", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }
}
