namespace GitBot.GitHub.Models;

/// <summary>A commit status.</summary>
public sealed record GitHubCommitStatus(long Id, string State, string? Context, string? Description, string? TargetUrl);
