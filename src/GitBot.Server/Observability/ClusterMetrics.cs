using GitBot.Core.Scheduling;
using GitBot.Workflows.Scheduling;

namespace GitBot.Server.Observability;

/// <summary>
/// The job-engine gauges of <c>/metrics</c>, read from the database at scrape time: <c>gitbot_job_queue_depth</c> and
/// <c>gitbot_jobs_running</c> per scheduler (GitBot's two schedulers always appear, with 0 when idle) and
/// <c>gitbot_worker_nodes_alive</c>. Guarantees: a scrape never fails because of the database — when the read fails
/// or takes longer than <see cref="ReadTimeout"/> the gauges are left out and
/// <c>gitbot_metrics_scrape_errors_total</c> (always present) goes up by one.
/// </summary>
public sealed partial class ClusterMetrics(IServiceProvider services, ILogger<ClusterMetrics> logger)
{
    /// <summary>How long a scrape waits for the database.</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    private static readonly string[] KnownSchedulers = [QuartzConfiguration.SchedulerName, AgentTaskScheduler.SchedulerName];

    private long _errors;

    /// <summary>The gauges (when the read succeeded) and the scrape-error counter.</summary>
    public async Task<IReadOnlyList<MetricFamily>> CollectAsync(CancellationToken cancellationToken)
    {
        List<MetricFamily> families = [];
        // Resolved per scrape: a host in setup mode has no database and so no store.
        if (services.GetService<IClusterStatusStore>() is { } store)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(ReadTimeout);
                families.AddRange(Gauges(await store.GetAsync(timeout.Token)));
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref _errors);
                LogReadFailed(logger, e);
            }
        }

        families.Add(new MetricFamily("gitbot_metrics_scrape_errors_total", "Scrapes whose database-backed gauges could not be read.",
            MetricKind.Counter, [new MetricSeries([], Interlocked.Read(ref _errors))]));
        return families;
    }

    private static IEnumerable<MetricFamily> Gauges(ClusterStatus status)
    {
        var schedulers = KnownSchedulers.Concat(status.Queued.Select(q => q.Scheduler)).Concat(status.Running.Select(r => r.Scheduler))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        yield return new MetricFamily("gitbot_job_queue_depth", "Jobs due and waiting for a slot, per scheduler.", MetricKind.Gauge,
            [.. schedulers.Select(s => Series(s, status.Queued.Where(q => q.Scheduler == s).Sum(q => q.Depth)))]);
        yield return new MetricFamily("gitbot_jobs_running", "Jobs executing now, per scheduler.", MetricKind.Gauge,
            [.. schedulers.Select(s => Series(s, status.Running.Count(r => r.Scheduler == s)))]);
        yield return new MetricFamily("gitbot_worker_nodes_alive", "GitBot processes whose heartbeat is recent.", MetricKind.Gauge,
            [new MetricSeries([], status.AliveNodes)]);
    }

    private static MetricSeries Series(string scheduler, int value) => new([new("scheduler", scheduler)], value);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the job queue for /metrics failed; the queue gauges are left out of this scrape")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);
}
