namespace GitBot.GitHub.Models;

/// <summary>A file changed by a pull request; <see cref="Patch"/> is absent for binary or very large diffs.</summary>
public sealed record GitHubPullRequestFile(string Sha, string Filename, string Status, int Additions, int Deletions, int Changes, string? Patch = null, string? PreviousFilename = null);
