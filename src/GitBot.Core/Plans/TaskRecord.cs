namespace GitBot.Core.Plans;

/// <summary>One task of a stored plan with its run state.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="Ordinal">Position in the plan (0-based), for stable display order.</param>
/// <param name="Definition">What was planned.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Attempt">The current run attempt, 1-based; 0 before the first run.</param>
/// <param name="StartedAt">When the current attempt started running.</param>
/// <param name="FinishedAt">When it reached a terminal state.</param>
/// <param name="CostUsd">Model cost so far, over all attempts.</param>
/// <param name="CommitSha">The task's commit, once made.</param>
/// <param name="Reason">Why it failed, was blocked or needs a human; shown to users.</param>
/// <param name="LogPath">The run log of the latest attempt, on the node that ran it.</param>
/// <param name="Node">The node that ran the latest attempt.</param>
public sealed record TaskRecord(
    long PlanId,
    int Ordinal,
    PlannedTask Definition,
    TaskState State,
    int Attempt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    decimal CostUsd,
    string? CommitSha,
    string? Reason,
    string? LogPath,
    string? Node)
{
    /// <summary>The task id (<see cref="PlannedTask.Id"/>).</summary>
    public string Id => Definition.Id;

    /// <summary>True for the states a task never leaves.</summary>
    public bool IsFinished => State is TaskState.Succeeded or TaskState.Failed or TaskState.Cancelled or TaskState.Blocked or TaskState.NeedsHuman;
}
