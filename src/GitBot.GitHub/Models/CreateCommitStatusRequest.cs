namespace GitBot.GitHub.Models;

/// <summary>Body of <c>POST /repos/{owner}/{repo}/statuses/{sha}</c>.</summary>
public sealed record CreateCommitStatusRequest(CommitState State, string? Context = null, string? Description = null, string? TargetUrl = null);
