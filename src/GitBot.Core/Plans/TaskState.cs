namespace GitBot.Core.Plans;

/// <summary>
/// Where one task of a plan stands. Pending → Ready → Running → one of the terminal states. Ready means its
/// predecessors all succeeded and a job for it is queued; a failed run with retries left goes back to Ready.
/// </summary>
public enum TaskState
{
    /// <summary>Waiting for predecessors, for a free parallel slot of its plan, or for plan approval.</summary>
    Pending,

    /// <summary>A job is queued for it and waits for a worker slot.</summary>
    Ready,

    /// <summary>A worker is running its agent.</summary>
    Running,

    /// <summary>Its work is committed and merged into the integration branch (terminal).</summary>
    Succeeded,

    /// <summary>The agent failed and no retries are left (terminal).</summary>
    Failed,

    /// <summary>Stopped by a human (label removed, <c>/agent cancel</c>) (terminal).</summary>
    Cancelled,

    /// <summary>A predecessor did not succeed, so it never ran (terminal).</summary>
    Blocked,

    /// <summary>Its work could not be merged without a human (merge conflict) (terminal).</summary>
    NeedsHuman,
}
