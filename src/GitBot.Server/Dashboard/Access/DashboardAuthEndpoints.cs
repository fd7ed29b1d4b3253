using System.Security.Cryptography;
using System.Text;
using GitBot.Core.Dashboard.Sessions;
using GitBot.GitHub;
using GitBot.GitHub.Clients;
using Microsoft.Extensions.Options;

namespace GitBot.Server.Dashboard.Access;

/// <summary>
/// Sign-in with GitHub: <c>GET /auth/login?returnUrl=</c> sends the browser to GitHub's authorize page with a random
/// <c>state</c> kept in a short-lived HttpOnly cookie; <c>GET /auth/callback</c> checks that state (constant time),
/// exchanges the code, reads the user's repositories with their token (then drops it), stores a session and sets the
/// <see cref="DashboardAccess.SessionCookie"/> cookie; <c>POST /auth/logout</c> deletes the session.
/// </summary>
public static partial class DashboardAuthEndpoints
{
    public const string LoginRoute = "/auth/login";
    public const string CallbackRoute = "/auth/callback";
    public const string LogoutRoute = "/auth/logout";

    /// <summary>Who the request is from, as text (login, then one visible repository per line): for scripts and checks.</summary>
    public const string WhoAmIRoute = "/auth/me";

    /// <summary>The cookie holding the pending sign-in's state and return path, for <see cref="StateLifetime"/>.</summary>
    public const string StateCookie = "gitbot_auth_state";

    private static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    /// <summary>Adds the sign-in routes to <paramref name="app"/>.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(LoginRoute, LoginAsync);
        app.MapGet(CallbackRoute, CallbackAsync);
        app.MapPost(LogoutRoute, LogoutAsync);
        app.MapGet(WhoAmIRoute, WhoAmIAsync);
    }

    private static async Task LoginAsync(HttpContext context, UserAccessClient users, IOptions<GitHubOptions> github, IOptions<ServerOptions> server)
    {
        if (!users.IsConfigured)
        {
            await WriteHtmlAsync(context, StatusCodes.Status503ServiceUnavailable, DashboardAuthPages.NotConfigured());
            return;
        }

        var state = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var returnUrl = ReturnUrl.Sanitize(context.Request.Query["returnUrl"]);
        context.Response.Cookies.Append(StateCookie, state + "." + Convert.ToBase64String(Encoding.UTF8.GetBytes(returnUrl)),
            Cookie(context, server.Value, StateLifetime, CallbackRoute));
        var web = github.Value.WebUrl.TrimEnd('/');
        context.Response.Redirect($"{web}/login/oauth/authorize?client_id={Uri.EscapeDataString(github.Value.ClientId!)}" +
            $"&redirect_uri={Uri.EscapeDataString(CallbackUrl(context, server.Value))}&state={Uri.EscapeDataString(state)}");
    }

    private static async Task CallbackAsync(HttpContext context, UserAccessClient users, IDashboardSessionStore sessions,
        IOptionsMonitor<DashboardOptions> dashboard, IOptions<ServerOptions> server, TimeProvider time, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(DashboardAuthEndpoints).FullName!);
        var pending = context.Request.Cookies[StateCookie];
        context.Response.Cookies.Delete(StateCookie, Cookie(context, server.Value, null, CallbackRoute));
        if (!StateMatches(pending, context.Request.Query["state"], out var returnUrl))
        {
            LogStateRefused(logger);
            await WriteHtmlAsync(context, StatusCodes.Status400BadRequest,
                DashboardAuthPages.Failed("The sign-in answer does not belong to this browser's sign-in (state mismatch)."));
            return;
        }

        var token = await users.ExchangeCodeAsync(context.Request.Query["code"].ToString(), CallbackUrl(context, server.Value), cancellationToken);
        var access = token.IsSuccess ? await users.ListAccessibleRepositoriesAsync(token.Value, cancellationToken) : null;
        if (!token.IsSuccess || !access!.IsSuccess)
        {
            var error = token.Error ?? access!.Error!;
            LogGitHubRefused(logger, error.ToString());
            await WriteHtmlAsync(context, StatusCodes.Status502BadGateway, DashboardAuthPages.Failed("GitHub did not confirm the sign-in: " + error.Message));
            return;
        }

        var now = time.GetUtcNow();
        var options = dashboard.CurrentValue;
        var id = DashboardSessionId.New();
        var user = access.Value;
        await sessions.PurgeExpiredAsync(now, cancellationToken);
        await sessions.CreateAsync(new DashboardSession(id.Sha256, user.Login, [.. user.Repositories.Order(StringComparer.OrdinalIgnoreCase)],
            now, now + options.AccessRefresh, now + options.SessionLifetime), cancellationToken);
        context.Response.Cookies.Append(DashboardAccess.SessionCookie, id.Value, Cookie(context, server.Value, options.SessionLifetime, "/"));
        LogSignedIn(logger, user.Login, user.Repositories.Count);
        context.Response.Redirect(returnUrl);
    }

    private static async Task LogoutAsync(HttpContext context, IDashboardSessionStore sessions, IOptions<ServerOptions> server,
        CancellationToken cancellationToken)
    {
        if (DashboardSessionId.Parse(context.Request.Cookies[DashboardAccess.SessionCookie]) is { } id)
        {
            await sessions.DeleteAsync(id.Sha256, cancellationToken);
        }

        context.Response.Cookies.Delete(DashboardAccess.SessionCookie, Cookie(context, server.Value, null, "/"));
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = "/";
    }

    private static async Task WhoAmIAsync(HttpContext context, DashboardAccess access, CancellationToken cancellationToken)
    {
        if (await access.RequireViewerAsync(context, DashboardRequestKind.Data, null, cancellationToken) is not { } viewer)
        {
            return;
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        IEnumerable<string> lines = viewer.IsAdmin
            ? [viewer.Login, "(admin: every repository)"]
            : new[] { viewer.Login }.Concat(viewer.Repositories.Order(StringComparer.OrdinalIgnoreCase));
        await context.Response.WriteAsync(string.Join('\n', lines) + "\n", cancellationToken);
    }

    /// <summary>Compares the state GitHub returned with the cookie's in constant time; yields the sanitised return path.</summary>
    private static bool StateMatches(string? pending, string? returned, out string returnUrl)
    {
        returnUrl = "/";
        var dot = pending?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (dot <= 0 || string.IsNullOrEmpty(returned))
        {
            return false;
        }

        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(pending![..dot]));
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(returned));
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return false;
        }

        var encoded = pending[(dot + 1)..];
        var bytes = new byte[encoded.Length];
        returnUrl = Convert.TryFromBase64String(encoded, bytes, out var written) ? ReturnUrl.Sanitize(Encoding.UTF8.GetString(bytes, 0, written)) : "/";
        return true;
    }

    private static string CallbackUrl(HttpContext context, ServerOptions server) =>
        (server.PublicUrl?.TrimEnd('/') ?? $"{context.Request.Scheme}://{context.Request.Host}") + CallbackRoute;

    private static CookieOptions Cookie(HttpContext context, ServerOptions server, TimeSpan? lifetime, string path) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps || server.PublicUrl?.StartsWith("https:", StringComparison.OrdinalIgnoreCase) == true,
        Path = path,
        MaxAge = lifetime,
        IsEssential = true,
    };

    private static Task WriteHtmlAsync(HttpContext context, int status, string html)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(html);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard sign-in refused: the callback's state does not match the browser's pending sign-in")]
    private static partial void LogStateRefused(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard sign-in failed at GitHub: {Error}")]
    private static partial void LogGitHubRefused(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard sign-in: {Login} with access to {RepositoryCount} repositories")]
    private static partial void LogSignedIn(ILogger logger, string login, int repositoryCount);
}
