namespace GitBot.GitHub.Models;

/// <summary>A comment on an issue or pull request conversation.</summary>
public sealed record GitHubIssueComment(long Id, string? Body, GitHubUser? User, string? HtmlUrl, DateTimeOffset? CreatedAt = null, DateTimeOffset? UpdatedAt = null);
