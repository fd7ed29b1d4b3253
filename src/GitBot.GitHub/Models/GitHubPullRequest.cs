namespace GitBot.GitHub.Models;

/// <summary>A pull request.</summary>
public sealed record GitHubPullRequest(
    long Id,
    int Number,
    string Title,
    string? Body,
    string State,
    bool Draft,
    bool Merged,
    bool? Mergeable,
    string? MergeableState,
    string? MergeCommitSha,
    GitHubBranchRef Head,
    GitHubBranchRef Base,
    GitHubUser? User,
    string? HtmlUrl);
