using GitBot.Storage;
using GitBot.Workflows.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace GitBot.Workflows.Scheduling;

/// <summary>
/// Configures Quartz for GitBot: the persistent job store lives in GitBot's own database (Quartz provisions its
/// <c>qrtz_</c> tables there), clustered on PostgreSQL so any number of nodes share one queue and a dead node's
/// recoverable jobs are re-run elsewhere; on SQLite one non-clustered scheduler owns the file.
/// </summary>
public static class QuartzConfiguration
{
    /// <summary>Every node of one GitBot deployment uses this scheduler name; the cluster is the set of nodes sharing it.</summary>
    public const string SchedulerName = "GitBot";

    public static void Configure(IQuartzBuilder quartz, ResolvedDatabase database, SchedulerOptions options) =>
        Configure(quartz, database, options, SchedulerName, options?.Slots ?? 1);

    /// <summary>Configures one of GitBot's schedulers: <paramref name="name"/> is its cluster, <paramref name="threads"/> its slots on this node.</summary>
    public static void Configure(IQuartzBuilder quartz, ResolvedDatabase database, SchedulerOptions options, string name, int threads)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        var clustered = database.Provider == DatabaseProvider.Postgres;
        quartz.ConfigureScheduler(scheduler =>
        {
            scheduler.InstanceName = name;
            scheduler.IdleWaitTime = options.IdleWait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : options.IdleWait;
            if (clustered)
            {
                // Unique per process, readable per node: two workers on one machine must not share an id, or each
                // would take the other's check-ins for its own and neither would be recovered when it dies.
                scheduler.InstanceId = $"{options.NodeName}-{Guid.NewGuid().ToString("N")[..8]}";
            }
        });
        quartz.UseDefaultThreadPool(Math.Max(1, threads));
        // Every job runs in its ids' log scope and a job activity continuing the trace that scheduled it.
        quartz.UseJobFactory<TracingJobFactory>();
        quartz.AddJobListener(sp => new JobStartDelayListener(sp.GetService<JobMetrics>() ?? new JobMetrics(), name), [GroupMatcher<JobKey>.AnyGroup()]);
        if (name == AgentTaskScheduler.SchedulerName)
        {
            // Agent tasks are routed by node label: this node acquires only unlabelled tasks and those whose labels
            // it has all of (see NodeLabels).
            quartz.ServeExecutionGroups([.. NodeLabels.ServedGroups(NodeLabels.Parse(options.Labels))]);
        }

        quartz.UsePersistentStore(store =>
        {
            if (clustered)
            {
                store.UsePostgres(database.ConnectionString);
                store.UseClustering(cluster =>
                {
                    cluster.CheckinInterval = options.ClusterCheckinInterval;
                    cluster.CheckinMisfireThreshold = options.ClusterCheckinMisfireThreshold;
                });
            }
            else
            {
                store.UseSqlite(database.ConnectionString);
            }

            store.ConfigureStore(adoStore => adoStore.MisfireThreshold = options.MisfireThreshold);
            store.ProvisionSchema();
            store.UseSystemTextJsonSerializer();
        });
    }
}
