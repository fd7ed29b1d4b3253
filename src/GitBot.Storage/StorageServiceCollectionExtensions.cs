using GitBot.Core.Auditing;
using GitBot.Core.Deliveries;
using GitBot.Core.Installations;
using GitBot.Storage.Auditing;
using GitBot.Storage.Connections;
using GitBot.Storage.Deliveries;
using GitBot.Storage.Installations;
using GitBot.Storage.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GitBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers GitBot's storage: <see cref="ResolvedDatabase"/> (resolved now, so a bad configuration fails at
    /// start-up), <see cref="DatabaseConnectionFactory"/>, <see cref="DatabaseMigrator"/> (the host runs it before
    /// serving), <see cref="IDeliveryStore"/>, <see cref="IInstallationStore"/> and <see cref="IAuditLog"/>.
    /// </summary>
    public static IServiceCollection AddGitBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var database = DatabaseOptions.FromConfiguration(configuration).Resolve();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(database);
        services.AddSingleton<DatabaseConnectionFactory>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<SqlDeliveryStore>();
        services.AddSingleton<IDeliveryStore>(sp => sp.GetRequiredService<SqlDeliveryStore>());
        services.AddSingleton<IInstallationStore, SqlInstallationStore>();
        services.AddSingleton<IAuditLog, SqlAuditLog>();
        services.AddSingleton<GitBot.Core.Plans.IPlanStore, GitBot.Storage.Plans.SqlPlanStore>();
        services.AddSingleton<GitBot.Core.Reviews.Runs.IReviewRunStore, GitBot.Storage.Reviews.SqlReviewRunStore>();
        services.AddSingleton<GitBot.Core.Budgets.IIssueBudgetStore, GitBot.Storage.Budgets.SqlIssueBudgetStore>();
        services.AddSingleton<GitBot.Core.Budgets.IIssueSpendingStore, GitBot.Storage.Budgets.SqlIssueSpendingStore>();
        services.AddSingleton<GitBot.Core.Executors.ITaskDispatchStore, GitBot.Storage.Executors.SqlTaskDispatchStore>();
        services.AddSingleton<GitBot.Core.Dashboard.IDashboardQueries, GitBot.Storage.Dashboard.SqlDashboardQueries>();
        services.AddSingleton<GitBot.Core.Runs.IAgentRunStore, GitBot.Storage.Runs.SqlAgentRunStore>();
        services.AddSingleton<GitBot.Core.Runs.ILostRunSweeper, GitBot.Storage.Runs.SqlAgentRunStore>();
        services.AddSingleton<GitBot.Core.Reviews.Gate.IGateRecordStore, GitBot.Storage.Reviews.SqlGateRecordStore>();
        services.AddSingleton<GitBot.Core.Dashboard.Sessions.IDashboardSessionStore, GitBot.Storage.Dashboard.SqlDashboardSessionStore>();
        services.AddSingleton<GitBot.Core.Scheduling.IWorkerNodeStore, GitBot.Storage.Scheduling.SqlWorkerNodeStore>();
        // Nodes check in every Scheduler:ClusterCheckinInterval (5 s unless set); three missed check-ins make a node dead.
        var checkin = TimeSpan.TryParse(configuration["Scheduler:ClusterCheckinInterval"], System.Globalization.CultureInfo.InvariantCulture, out var interval)
            && interval > TimeSpan.Zero ? interval : TimeSpan.FromSeconds(5);
        services.AddSingleton<GitBot.Core.Scheduling.IClusterStatusStore>(sp => new GitBot.Storage.Scheduling.SqlClusterStatusStore(
            sp.GetRequiredService<DatabaseConnectionFactory>(), sp.GetRequiredService<TimeProvider>(),
            GitBot.Storage.Scheduling.SqlClusterStatusStore.LivenessWindowFor(checkin)));
        return services;
    }
}
