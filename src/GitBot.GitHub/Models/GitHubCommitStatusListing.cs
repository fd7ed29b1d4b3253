namespace GitBot.GitHub.Models;

/// <summary>A commit status as <c>GET /repos/{owner}/{repo}/commits/{ref}/statuses</c> lists it, with who posted it.</summary>
public sealed record GitHubCommitStatusListing(long Id, string State, string? Context, string? Description, GitHubUser? Creator);
