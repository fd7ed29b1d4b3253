using GitBot.Core.Reviews.Gate;

namespace GitBot.Core.Dashboard;

/// <summary>Chooses between the stored <c>gitbot/gate</c> decision and the gate derived from stored review checks.</summary>
public static class IssueGate
{
    /// <summary>
    /// The stored gate when it is for the current head: it is, unless the newest review check is for another head and
    /// was written after it (the PR moved on and the gate has not been recomputed yet). Null means "use the derived gate".
    /// </summary>
    public static GateRecord? Current(GateRecord? stored, IReadOnlyList<ReviewCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        if (stored is null || checks.Count == 0)
        {
            return stored;
        }

        var newest = checks.MaxBy(c => c.UpdatedAt)!;
        var otherHead = !string.Equals(newest.HeadSha, stored.HeadSha, StringComparison.OrdinalIgnoreCase);
        return otherHead && newest.UpdatedAt > stored.UpdatedAt ? null : stored;
    }

    /// <summary>The dashboard status of a stored conclusion.</summary>
    public static GateStatus StatusOf(GateConclusion conclusion) => conclusion switch
    {
        GateConclusion.Success => GateStatus.Success,
        GateConclusion.Failure => GateStatus.Failure,
        _ => GateStatus.Pending,
    };
}
