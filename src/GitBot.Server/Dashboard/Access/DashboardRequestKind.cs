namespace GitBot.Server.Dashboard.Access;

/// <summary>What a dashboard route serves, which decides how an anonymous request is turned away.</summary>
public enum DashboardRequestKind
{
    /// <summary>An HTML page: anonymous → 302 to <c>/auth/login?returnUrl=…</c>.</summary>
    Page,

    /// <summary>Data (SSE, logs): anonymous → 401 with a short text.</summary>
    Data,
}
