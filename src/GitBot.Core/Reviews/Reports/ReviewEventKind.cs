namespace GitBot.Core.Reviews.Reports;

/// <summary>The review event an agent submits. There is deliberately no approve: GitBot never approves.</summary>
public enum ReviewEventKind
{
    /// <summary><c>COMMENT</c>: nothing blocking.</summary>
    Comment,

    /// <summary><c>REQUEST_CHANGES</c>: something blocks the merge.</summary>
    RequestChanges,
}
