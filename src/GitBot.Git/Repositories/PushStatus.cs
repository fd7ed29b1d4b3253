namespace GitBot.Git.Repositories;

/// <summary>How a push ended.</summary>
public enum PushStatus
{
    /// <summary>The remote branch was created or fast-forwarded to the commit.</summary>
    Pushed,

    /// <summary>The remote branch already pointed at the commit.</summary>
    UpToDate,

    /// <summary>The remote branch holds commits the pushed one does not contain: fetch, merge and push again.</summary>
    Rejected,
}
