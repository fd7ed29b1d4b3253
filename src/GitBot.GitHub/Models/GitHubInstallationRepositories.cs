namespace GitBot.GitHub.Models;

/// <summary>One page of <c>GET /installation/repositories</c>.</summary>
public sealed record GitHubInstallationRepositories(int TotalCount, IReadOnlyList<GitHubRepository> Repositories);
