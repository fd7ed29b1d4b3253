namespace GitBot.Core.Plans;

/// <summary>
/// A plan for one issue as stored. <see cref="Version"/> increases with every change; changes are applied only
/// against the version they were computed from (optimistic concurrency across nodes).
/// </summary>
/// <param name="Id">Store-assigned id.</param>
/// <param name="InstallationId">The App installation whose token acts on the repository.</param>
/// <param name="Repository"><c>owner/name</c>.</param>
/// <param name="IssueNumber">The issue.</param>
/// <param name="IssueTitle">The issue title when the plan was made.</param>
/// <param name="State">Where the plan stands.</param>
/// <param name="Version">Concurrency token, starts at 1.</param>
/// <param name="TriggerLabel">The label that started it (e.g. <c>agent</c> or <c>agent:backend</c>).</param>
/// <param name="RequestedBy">Login of the human who applied the label.</param>
/// <param name="DefaultBranch">The repository's default branch; the pull request targets it.</param>
/// <param name="CloneUrl">Where workers fetch and push.</param>
/// <param name="ConfigSnapshot">The repository configuration files read when the plan was made (opaque to the store).</param>
/// <param name="PlanCommentId">The plan comment, once posted.</param>
/// <param name="PullRequestNumber">The pull request, once opened.</param>
/// <param name="Reason">Why it failed or was cancelled; shown to users.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record PlanRecord(
    long Id,
    long InstallationId,
    string Repository,
    int IssueNumber,
    string IssueTitle,
    PlanState State,
    int Version,
    string TriggerLabel,
    string RequestedBy,
    string DefaultBranch,
    string CloneUrl,
    string ConfigSnapshot,
    long? PlanCommentId,
    int? PullRequestNumber,
    string? Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>True once the plan can no longer change.</summary>
    public bool IsFinished => State is PlanState.Succeeded or PlanState.Failed or PlanState.Cancelled;
}
