using GitBot.Core.Plans;
using GitBot.Core.Runs;

namespace GitBot.Core.Dashboard;

/// <summary>Everything the issue page shows.</summary>
/// <param name="Repository">"owner/name".</param>
/// <param name="IssueNumber">The issue.</param>
/// <param name="Plan">The newest plan with its tasks, or null when the issue has none.</param>
/// <param name="Runs">Its runs, newest first, at most the limit asked for.</param>
/// <param name="Checks">The review checks of the pull request's newest head (empty without a pull request).</param>
/// <param name="Gate">The gate derived from <paramref name="Checks"/>.</param>
public sealed record IssueDetail(
    string Repository,
    int IssueNumber,
    PlanSnapshot? Plan,
    IReadOnlyList<AgentRunRecord> Runs,
    IReadOnlyList<ReviewCheck> Checks,
    GateStatus Gate);
