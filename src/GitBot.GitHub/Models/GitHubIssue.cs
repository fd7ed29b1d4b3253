namespace GitBot.GitHub.Models;

/// <summary>An issue (or a pull request seen through the issues API, when <see cref="PullRequest"/> is set).</summary>
public sealed record GitHubIssue(
    long Id,
    int Number,
    string Title,
    string? Body,
    string State,
    GitHubUser? User,
    IReadOnlyList<GitHubLabel>? Labels,
    string? HtmlUrl,
    GitHubIssuePullRequestLink? PullRequest = null,
    DateTimeOffset? CreatedAt = null,
    DateTimeOffset? UpdatedAt = null);
