namespace GitBot.Core.Reviews.Runs;

/// <summary>Where a review agent's run for one head commit is.</summary>
public enum ReviewRunState
{
    /// <summary>Requested; its job is scheduled.</summary>
    Queued,

    /// <summary>A worker is running it.</summary>
    Running,

    /// <summary>Its review and check run were posted.</summary>
    Completed,

    /// <summary>The pull request moved to another head (or closed) first: its result would be about stale code, so nothing is posted.</summary>
    Superseded,
}
