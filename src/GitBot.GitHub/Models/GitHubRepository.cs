namespace GitBot.GitHub.Models;

/// <summary>A repository.</summary>
public sealed record GitHubRepository(long Id, string Name, string FullName, GitHubUser? Owner, bool Private, string? DefaultBranch = null, string? HtmlUrl = null, string? CloneUrl = null);
