namespace GitBot.Core.Dashboard;

/// <summary>One page of a repository's issues, newest issue number first.</summary>
/// <param name="Issues">At most the page size.</param>
/// <param name="Page">1-based.</param>
/// <param name="HasMore">True when a next page has rows.</param>
public sealed record IssueListPage(IReadOnlyList<IssueSummary> Issues, int Page, bool HasMore);
