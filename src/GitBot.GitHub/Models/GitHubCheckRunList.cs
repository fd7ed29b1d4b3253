namespace GitBot.GitHub.Models;

/// <summary>One page of <c>GET /repos/{owner}/{repo}/commits/{ref}/check-runs</c>: the runs are wrapped in an object.</summary>
public sealed record GitHubCheckRunList(int TotalCount, IReadOnlyList<GitHubCheckRunListing> CheckRuns);
