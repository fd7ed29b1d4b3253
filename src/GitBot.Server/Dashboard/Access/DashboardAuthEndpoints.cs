namespace GitBot.Server.Dashboard.Access;

/// <summary>Maps the sign-in routes <c>/auth/login</c>, <c>/auth/callback</c> and <c>POST /auth/logout</c>.</summary>
public static class DashboardAuthEndpoints
{
    /// <summary>Adds the sign-in routes to <paramref name="app"/>.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
    }
}
