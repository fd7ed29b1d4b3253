namespace GitBot.Workflows.Feedback;

/// <summary>What the coding agent is told about a review that requested changes.</summary>
/// <param name="Repository"><c>owner/name</c>.</param>
/// <param name="PullNumber">The pull request.</param>
/// <param name="Branch">Its head branch, checked out in the agent's working tree.</param>
/// <param name="IssueNumber">The issue the pull request implements.</param>
/// <param name="IssueTitle">That issue's title (untrusted; shown on one line).</param>
/// <param name="ReviewBody">The review's own text (untrusted).</param>
/// <param name="Comments">The review's inline comments (untrusted), in the order GitHub lists them.</param>
public sealed record FeedbackPromptInput(
    string Repository,
    int PullNumber,
    string Branch,
    int IssueNumber,
    string IssueTitle,
    string? ReviewBody,
    IReadOnlyList<FeedbackComment> Comments);
