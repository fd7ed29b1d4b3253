namespace GitBot.Workflows.Plans;

/// <summary>What <see cref="PlanRetrier.RetryAsync"/> came to.</summary>
public enum PlanRetryStatus
{
    /// <summary>The tasks went back to Pending with a new attempt to come, and the plan moved on.</summary>
    Retried,

    /// <summary>The issue has no plan.</summary>
    NoPlan,

    /// <summary>No task is in a state a retry starts again (or the plan has no tasks yet).</summary>
    NothingToRetry,

    /// <summary>The named task is not in the plan.</summary>
    UnknownTask,

    /// <summary>The named task cannot be retried now (its state, or a predecessor that did not succeed).</summary>
    NotRetryable,
}
