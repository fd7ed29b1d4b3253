using System.Diagnostics.Metrics;

namespace GitBot.Workflows.Scheduling;

/// <summary>
/// Job-engine instruments on the <c>GitBot</c> meter: how long after its scheduled fire time each job started, by
/// scheduler (<c>GitBot</c> for webhook work, <c>GitBot.Tasks</c> for agent tasks). A wait for a free agent slot
/// shows here as start delay.
/// </summary>
public sealed class JobMetrics
{
    private readonly Histogram<double> _startDelay;

    /// <param name="meters">The host's meter factory; a standalone meter without one.</param>
    public JobMetrics(IMeterFactory? meters = null)
    {
        var meter = meters?.Create("GitBot") ?? new Meter("GitBot");
        _startDelay = meter.CreateHistogram<double>("gitbot_job_start_delay_seconds", "s", "Delay between a job's scheduled fire time and its start, by scheduler.", null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600] });
    }

    /// <summary>Records one job start; a negative delay (clock skew between nodes) counts as zero.</summary>
    public void Started(string scheduler, TimeSpan delay) =>
        _startDelay.Record(Math.Max(0, delay.TotalSeconds), new KeyValuePair<string, object?>("scheduler", scheduler));
}
