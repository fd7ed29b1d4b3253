namespace GitBot.GitHub.Models;

/// <summary>The answer to a merge.</summary>
public sealed record GitHubMergeResult(string? Sha, bool Merged, string? Message);
