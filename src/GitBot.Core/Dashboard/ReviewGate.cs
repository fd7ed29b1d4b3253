namespace GitBot.Core.Dashboard;

/// <summary>
/// The gate derived from stored review checks. The gate proper (<c>gitbot/gate</c>) is computed from what GitHub says
/// (reviews, approvals, statuses) and is not stored; this is the part of it the database knows: the review agents'
/// verdicts on the head. It never says success while a check is missing an answer.
/// </summary>
public static class ReviewGate
{
    private static readonly HashSet<string> Passing = new(StringComparer.Ordinal) { "success", "neutral", "skipped" };

    /// <summary>Failure when any check failed, pending while any is unfinished or there are none, else success.</summary>
    public static GateStatus Derive(IReadOnlyList<ReviewCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        if (checks.Any(c => c.Status == "completed" && (c.Conclusion is null || !Passing.Contains(c.Conclusion))))
        {
            return GateStatus.Failure;
        }

        return checks.Count > 0 && checks.All(c => c.Status == "completed") ? GateStatus.Success : GateStatus.Pending;
    }
}
