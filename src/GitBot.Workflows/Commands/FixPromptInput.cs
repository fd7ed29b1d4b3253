namespace GitBot.Workflows.Commands;

/// <summary>What the coding agent is told about an <c>/agent fix</c>.</summary>
/// <param name="Repository"><c>owner/name</c>.</param>
/// <param name="PullNumber">The pull request.</param>
/// <param name="Branch">Its head branch, checked out in the agent's working tree.</param>
/// <param name="IssueNumber">The issue the pull request implements.</param>
/// <param name="IssueTitle">That issue's title (untrusted; shown on one line).</param>
/// <param name="Sender">Who asked (a GitHub login, checked for write permission).</param>
/// <param name="Instructions">What to change (untrusted).</param>
public sealed record FixPromptInput(
    string Repository,
    int PullNumber,
    string Branch,
    int IssueNumber,
    string IssueTitle,
    string Sender,
    string Instructions);
