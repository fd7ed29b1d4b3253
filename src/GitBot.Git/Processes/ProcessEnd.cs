namespace GitBot.Git.Processes;

/// <summary>Why a process stopped.</summary>
public enum ProcessEnd
{
    /// <summary>It exited by itself; see the exit code.</summary>
    Exited,

    /// <summary>It ran past its timeout and its whole tree was killed.</summary>
    TimedOut,

    /// <summary>The caller cancelled and its whole tree was killed.</summary>
    Cancelled,

    /// <summary>It never started (executable missing, directory missing, permission denied).</summary>
    FailedToStart,
}
