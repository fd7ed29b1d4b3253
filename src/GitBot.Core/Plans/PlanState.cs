namespace GitBot.Core.Plans;

/// <summary>Where a whole plan stands.</summary>
public enum PlanState
{
    /// <summary>Created; the plan (task list or planner agent) is being made.</summary>
    Planning,

    /// <summary>The plan is posted and waits for <c>/agent approve</c> from a user with write access.</summary>
    AwaitingApproval,

    /// <summary>Tasks are running.</summary>
    Running,

    /// <summary>Every task succeeded and the pull request is open (terminal).</summary>
    Succeeded,

    /// <summary>Planning failed or some task did not succeed; the issue says why (terminal).</summary>
    Failed,

    /// <summary>Stopped by a human (terminal).</summary>
    Cancelled,
}
