using System.Diagnostics.Metrics;

namespace GitBot.Agents.Runs;

/// <summary>
/// Agent-run instruments on the <c>GitBot</c> meter: runs by role and outcome, wall time and reported cost by role.
/// Recorded once per run where <see cref="AgentRunner"/> returns, whatever the backend. Labels carry only the role
/// name and the outcome, never repository content.
/// </summary>
public sealed class AgentMetrics
{
    /// <summary>The meter every GitBot project records on.</summary>
    public const string MeterName = "GitBot";

    private readonly Counter<long> _runs;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _cost;

    /// <param name="meters">The host's meter factory (so an exporter can tell its own host's meters apart); a standalone meter without one.</param>
    public AgentMetrics(IMeterFactory? meters = null)
    {
        var meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _runs = meter.CreateCounter<long>("gitbot_agent_runs_total", null, "Agent runs by role and outcome.");
        _duration = meter.CreateHistogram<double>("gitbot_agent_run_duration_seconds", "s", "Agent run wall time by role.", null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600] });
        _cost = meter.CreateHistogram<double>("gitbot_agent_run_cost_usd", "USD", "Reported agent run cost by role.", null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 25] });
    }

    /// <summary>Records one finished run of <paramref name="role"/>.</summary>
    public void Record(string role, AgentRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var roleTag = new KeyValuePair<string, object?>("role", role);
        _runs.Add(1, roleTag, new KeyValuePair<string, object?>("outcome", Snake(result.Outcome)));
        _duration.Record(result.Duration.TotalSeconds, roleTag);
        _cost.Record((double)result.CostUsd, roleTag);
    }

    private static string Snake(AgentOutcome outcome) => outcome switch
    {
        AgentOutcome.Succeeded => "succeeded",
        AgentOutcome.Failed => "failed",
        AgentOutcome.TimedOut => "timed_out",
        AgentOutcome.Cancelled => "cancelled",
        AgentOutcome.MaxTurnsExceeded => "max_turns_exceeded",
        AgentOutcome.BudgetExceeded => "budget_exceeded",
        AgentOutcome.FailedToStart => "failed_to_start",
        _ => outcome.ToString().ToLowerInvariant(),
    };
}
