namespace GitBot.Core.Dashboard;

/// <summary>
/// The gate derived from stored review checks: the fallback the issue page shows (labelled as derived) before
/// <c>gitbot/gate</c> has been evaluated on the current head. The gate proper, with approvals and pusher rules, is
/// stored in <c>pull_request_gates</c> whenever GitBot writes it and wins when present (<see cref="IssueGate"/>). This is
/// only the review agents' verdicts on the head, so its success means "checks green", not "approved"; it never says
/// success while a check is missing an answer.
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
