namespace GitBot.Core.Dashboard;

/// <summary>
/// A cheap summary of what the issue page shows: equal fingerprints mean the page would render the same (except for
/// durations of running runs). Compared by value. <c>GateUpdatedAt</c> is the stored gate's <c>updated_at</c>, which
/// moves on every gate write.
/// </summary>
public sealed record IssueFingerprint(
    long PlanId,
    int PlanVersion,
    long PlanUpdatedAt,
    long RunCount,
    long MaxRunId,
    long FinishedRuns,
    long MaxReviewUpdatedAt,
    long GateUpdatedAt = 0);
