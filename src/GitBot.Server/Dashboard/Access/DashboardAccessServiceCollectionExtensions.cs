using GitBot.Core.Dashboard.Sessions;

namespace GitBot.Server.Dashboard.Access;

/// <summary>Registers dashboard access: options (section <c>Dashboard</c>) and <see cref="DashboardAccess"/>.</summary>
public static class DashboardAccessServiceCollectionExtensions
{
    public static IServiceCollection AddDashboardAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DashboardOptions>(configuration.GetSection(DashboardOptions.SectionName));
        services.AddSingleton(sp => new DashboardAccess(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<DashboardOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IDashboardSessionStore>()));
        return services;
    }
}
