using System.Net;
using GitBot.Core.Dashboard.Sessions;
using GitBot.Server.Dashboard.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GitBot.Server.Tests.Dashboard.Access;

/// <summary>Who <see cref="DashboardAccess"/> lets in: admin token, sessions (live, expired, due for refresh), anonymous.</summary>
public sealed class AccessRulesTests
{
    [Fact]
    public async Task The_admin_token_sees_everything_and_a_wrong_token_is_anonymous_even_with_a_session()
    {
        await using var h = await SignInHarness.StartAsync();
        var (session, _) = await h.SignInAsync("mona");

        using var admin = await h.GetAsync("/auth/me", bearer: SignInHarness.AdminToken);
        using var wrong = await h.GetAsync("/auth/me", "gitbot_session=" + session, bearer: SignInHarness.AdminToken + "x");
        var viewer = await ResolveAsync(h, null, SignInHarness.AdminToken);

        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.StartsWith("admin\n", await admin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.True(viewer!.IsAdmin);
        Assert.True(viewer.CanSee("octo/two"));
    }

    [Fact]
    public async Task Anonymous_data_is_401_and_an_anonymous_page_is_sent_to_sign_in_with_its_path()
    {
        await using var h = await SignInHarness.StartAsync();
        using var data = await h.GetAsync("/auth/me");
        var page = Context(h, null);
        page.Request.Path = "/repos/octo/one/issues/3";
        page.Request.QueryString = new QueryString("?x=1");

        var viewer = await Access(h).RequireViewerAsync(page, DashboardRequestKind.Page, "octo/one", CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, data.StatusCode);
        Assert.Null(viewer);
        Assert.Equal(StatusCodes.Status302Found, page.Response.StatusCode);
        Assert.Equal("/auth/login?returnUrl=" + Uri.EscapeDataString("/repos/octo/one/issues/3?x=1"), page.Response.Headers.Location.ToString());
    }

    [Fact]
    public async Task A_signed_in_user_gets_404_for_a_repository_they_cannot_see_and_the_viewer_for_one_they_can()
    {
        await using var h = await SignInHarness.StartAsync();
        var (session, _) = await h.SignInAsync("mona");
        var hidden = Context(h, session);
        var visible = Context(h, session);

        var refused = await Access(h).RequireViewerAsync(hidden, DashboardRequestKind.Data, "octo/two", CancellationToken.None);
        var allowed = await Access(h).RequireViewerAsync(visible, DashboardRequestKind.Page, "OCTO/One", CancellationToken.None);

        Assert.Null(refused);
        Assert.Equal(StatusCodes.Status404NotFound, hidden.Response.StatusCode);
        Assert.Equal("mona", allowed!.Login);
        Assert.False(allowed.IsAdmin);
        Assert.Equal(StatusCodes.Status200OK, visible.Response.StatusCode);
    }

    [Fact]
    public async Task An_expired_session_or_one_past_its_refresh_time_is_not_honoured()
    {
        await using var h = await SignInHarness.StartAsync();
        var store = h.Server.App.Services.GetRequiredService<IDashboardSessionStore>();
        var now = DateTimeOffset.UtcNow;
        var expired = DashboardSessionId.New();
        var stale = DashboardSessionId.New();
        var live = DashboardSessionId.New();
        await store.CreateAsync(new DashboardSession(expired.Sha256, "mona", ["octo/one"], now.AddHours(-9), now.AddHours(1), now.AddMinutes(-1)), CancellationToken.None);
        await store.CreateAsync(new DashboardSession(stale.Sha256, "mona", ["octo/one"], now.AddMinutes(-20), now.AddMinutes(-5), now.AddHours(7)), CancellationToken.None);
        await store.CreateAsync(new DashboardSession(live.Sha256, "mona", ["octo/one"], now, now.AddMinutes(15), now.AddHours(8)), CancellationToken.None);

        using var expiredAnswer = await h.GetAsync("/auth/me", "gitbot_session=" + expired.Value);
        using var staleAnswer = await h.GetAsync("/auth/me", "gitbot_session=" + stale.Value);
        using var liveAnswer = await h.GetAsync("/auth/me", "gitbot_session=" + live.Value);
        using var garbage = await h.GetAsync("/auth/me", "gitbot_session=not-a-session");

        Assert.Equal(HttpStatusCode.Unauthorized, expiredAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, staleAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, liveAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
    }

    private static DashboardAccess Access(SignInHarness h) => h.Server.App.Services.GetRequiredService<DashboardAccess>();

    private static Task<DashboardViewer?> ResolveAsync(SignInHarness h, string? session, string? bearer)
    {
        var context = Context(h, session);
        if (bearer is not null)
        {
            context.Request.Headers.Authorization = "Bearer " + bearer;
        }

        return Access(h).ResolveAsync(context, CancellationToken.None);
    }

    /// <summary>A request as the server would see it, answered into memory, for the page rule no route of this helper serves yet.</summary>
    private static DefaultHttpContext Context(SignInHarness h, string? session)
    {
        var context = new DefaultHttpContext { RequestServices = h.Server.App.Services };
        context.Response.Body = new MemoryStream();
        if (session is not null)
        {
            context.Request.Headers.Cookie = "gitbot_session=" + session;
        }

        return context;
    }
}
