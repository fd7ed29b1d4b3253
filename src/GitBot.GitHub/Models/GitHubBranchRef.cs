namespace GitBot.GitHub.Models;

/// <summary>The head or base of a pull request.</summary>
public sealed record GitHubBranchRef(string Ref, string Sha, string? Label = null, GitHubRepository? Repo = null);
