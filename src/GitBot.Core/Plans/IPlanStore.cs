namespace GitBot.Core.Plans;

/// <summary>
/// Persistent plans and tasks. Guarantees: at most one unfinished plan per repository and issue (so duplicate
/// trigger events make one plan); every change is applied atomically against the version it was computed from,
/// together with its audit entries, so concurrent nodes never lose or double-apply a transition.
/// </summary>
public interface IPlanStore
{
    /// <summary>
    /// Creates a plan in <see cref="PlanState.Planning"/> at version 1 with no tasks, unless the issue already has an
    /// unfinished plan, which is returned instead with <see cref="PlanCreation.Created"/> false. Writes a
    /// <c>plan.created</c> audit entry when it creates one.
    /// </summary>
    Task<PlanCreation> CreateAsync(NewPlan plan, CancellationToken cancellationToken);

    /// <summary>The plan and its tasks, or null when there is no such plan.</summary>
    Task<PlanSnapshot?> GetAsync(long planId, CancellationToken cancellationToken);

    /// <summary>The issue's unfinished plan, or null.</summary>
    Task<PlanSnapshot?> FindActiveAsync(string repository, int issueNumber, CancellationToken cancellationToken);

    /// <summary>The issue's newest plan, finished or not, or null.</summary>
    Task<PlanSnapshot?> FindLatestAsync(string repository, int issueNumber, CancellationToken cancellationToken);

    /// <summary>Every unfinished plan (for recovery at start-up), oldest first.</summary>
    Task<IReadOnlyList<PlanSnapshot>> ListUnfinishedAsync(CancellationToken cancellationToken);

    /// <summary>Every plan, finished or not, of <paramref name="repository"/> (or of every repository when null), oldest first.</summary>
    Task<IReadOnlyList<PlanSnapshot>> ListAsync(string? repository, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> if the plan is still at <see cref="PlanChange.ExpectedVersion"/>: writes the
    /// plan's values with the version increased by one, inserts or updates the given tasks, appends the audit entries.
    /// Returns false, writing nothing, when the version moved on (the caller re-reads and decides again).
    /// </summary>
    Task<bool> ApplyAsync(PlanChange change, CancellationToken cancellationToken);
}
