using System.Security.Cryptography;
using System.Text;
using GitBot.Core.Dashboard.Sessions;
using Microsoft.Extensions.Options;

namespace GitBot.Server.Dashboard.Access;

/// <summary>
/// Decides who a request comes from. Order: <c>Authorization: Bearer &lt;Dashboard:AdminToken&gt;</c> → the admin
/// viewer; else the <see cref="SessionCookie"/> cookie → the session's viewer; else null (anonymous). A session that has
/// expired or passed its refresh time resolves to null, so a page sends the user through sign-in again. A wrong bearer
/// token does not fall through to the cookie: it resolves to null.
/// </summary>
public sealed class DashboardAccess
{
    /// <summary>The session cookie's name.</summary>
    public const string SessionCookie = "gitbot_session";

    private readonly IOptionsMonitor<DashboardOptions> options;
    private readonly IDashboardSessionStore? sessions;
    private readonly TimeProvider time;

    public DashboardAccess(IOptionsMonitor<DashboardOptions> options, TimeProvider time, IDashboardSessionStore? sessions)
    {
        this.options = options;
        this.time = time;
        this.sessions = sessions;
    }

    /// <summary>The viewer of <paramref name="context"/>'s request, or null when anonymous (or the credentials are not valid).</summary>
    public async Task<DashboardViewer?> ResolveAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            return IsAdminToken(authorization) ? DashboardViewer.Admin : null;
        }

        if (sessions is null || DashboardSessionId.Parse(context.Request.Cookies[SessionCookie]) is not { } id)
        {
            return null;
        }

        var session = await sessions.FindAsync(id.Sha256, cancellationToken);
        if (session is null || !session.IsUsableAt(time.GetUtcNow()))
        {
            return null;
        }

        return DashboardViewer.User(session.Login, session.Repositories);
    }

    /// <summary>
    /// The viewer who may see <paramref name="repository"/> ("owner/name"; null for pages about no one repository), or
    /// null after answering the request: anonymous → 302 to sign-in (<see cref="DashboardRequestKind.Page"/>) or 401
    /// (<see cref="DashboardRequestKind.Data"/>); a repository the viewer cannot see → 404, the same as one that does not exist.
    /// </summary>
    public async Task<DashboardViewer?> RequireViewerAsync(HttpContext context, DashboardRequestKind kind, string? repository,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var viewer = await ResolveAsync(context, cancellationToken);
        if (viewer is null)
        {
            if (kind == DashboardRequestKind.Page)
            {
                var back = context.Request.Path.Value + context.Request.QueryString.Value;
                context.Response.Redirect(DashboardAuthEndpoints.LoginRoute + "?returnUrl=" + Uri.EscapeDataString(ReturnUrl.Sanitize(back)));
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("Sign in (or send the admin token) to see this.", cancellationToken);
            }

            return null;
        }

        if (repository is not null && !viewer.CanSee(repository))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("Not found.", cancellationToken);
            return null;
        }

        return viewer;
    }

    private bool IsAdminToken(string authorization)
    {
        const string Scheme = "Bearer ";
        var expected = options.CurrentValue.AdminToken;
        if (string.IsNullOrEmpty(expected) || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Hashing first makes the comparison constant-time regardless of the lengths involved.
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(authorization[Scheme.Length..].Trim()));
        var wanted = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(given, wanted);
    }
}
