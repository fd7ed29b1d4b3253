namespace GitBot.Core.Reviews.TestResults;

/// <summary>How a run of the repository's test command ended.</summary>
public enum TestRunStatus
{
    /// <summary>The command ran to its end (whatever its exit code).</summary>
    Completed,

    /// <summary>It ran past the timeout and its process tree was killed.</summary>
    TimedOut,

    /// <summary>The repository has no test command.</summary>
    NotConfigured,

    /// <summary>It could not start, or the worktree at the head could not be made (see the error).</summary>
    FailedToStart,
}
