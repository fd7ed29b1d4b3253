using GitBot.Core.Plans;
using GitBot.Core.Reviews.Gate;
using GitBot.Core.Runs;

namespace GitBot.Core.Dashboard;

/// <summary>Everything the issue page shows.</summary>
/// <param name="Repository">"owner/name".</param>
/// <param name="IssueNumber">The issue.</param>
/// <param name="Plan">The newest plan with its tasks, or null when the issue has none.</param>
/// <param name="Runs">Its runs, newest first, at most the limit asked for.</param>
/// <param name="Checks">The review checks of the pull request's newest head (empty without a pull request).</param>
/// <param name="Gate">
/// The stored <c>gitbot/gate</c> conclusion when <paramref name="StoredGate"/> is there, else the gate derived from
/// <paramref name="Checks"/> (<see cref="ReviewGate.Derive"/>).
/// </param>
/// <param name="StoredGate">
/// The last gate decision GitBot wrote for the pull request's current head (what is missing, in its summary); null when
/// none is stored or it is for an older head than the stored checks, and the page then says the gate is derived.
/// </param>
public sealed record IssueDetail(
    string Repository,
    int IssueNumber,
    PlanSnapshot? Plan,
    IReadOnlyList<AgentRunRecord> Runs,
    IReadOnlyList<ReviewCheck> Checks,
    GateStatus Gate,
    GateRecord? StoredGate = null);
