namespace GitBot.GitHub.Models;

/// <summary>A pull request review.</summary>
public sealed record GitHubReview(long Id, GitHubUser? User, string? Body, string State, string? CommitId, string? HtmlUrl, DateTimeOffset? SubmittedAt = null);
