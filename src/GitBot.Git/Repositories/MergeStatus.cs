namespace GitBot.Git.Repositories;

/// <summary>How a merge ended.</summary>
public enum MergeStatus
{
    /// <summary>A merge commit was made, or the target can fast-forward to the source.</summary>
    Merged,

    /// <summary>The source is already contained in the target.</summary>
    AlreadyUpToDate,

    /// <summary>The branches conflict; nothing was made.</summary>
    Conflict,
}
