namespace GitBot.GitHub.Models;

/// <summary>Body of a merge. <see cref="Sha"/> is required by GitBot: GitHub then merges only if the head is still that commit.</summary>
public sealed record MergePullRequestRequest(string Sha, MergeMethod? MergeMethod = null, string? CommitTitle = null, string? CommitMessage = null);
