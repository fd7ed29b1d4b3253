namespace GitBot.Workflows.Commands;

/// <summary>Where commands were written: a conversation comment (which takes reactions) or a review body (which cannot).</summary>
public enum CommandSourceKind
{
    /// <summary>An issue or pull request conversation comment (<c>issue_comment created</c>).</summary>
    Comment,

    /// <summary>The body of a submitted pull request review (<c>pull_request_review submitted</c>).</summary>
    Review,
}
