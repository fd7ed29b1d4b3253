namespace GitBot.Server.Dashboard;

/// <summary>Registers the dashboard pages' services (the read side is registered by storage, access by <c>AddDashboardAccess</c>).</summary>
public static class DashboardPagesServiceCollectionExtensions
{
    /// <summary>Options (section <c>Dashboard</c>), the shared live broadcaster and the log streamer.</summary>
    public static IServiceCollection AddDashboardPages(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DashboardPageOptions>(configuration.GetSection(DashboardPageOptions.SectionName));
        services.AddSingleton<LiveIssueBroadcaster>();
        services.AddSingleton<RunLogStreamer>();
        return services;
    }
}
