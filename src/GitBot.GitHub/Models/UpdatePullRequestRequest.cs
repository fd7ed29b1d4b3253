namespace GitBot.GitHub.Models;

/// <summary>Body of <c>PATCH /repos/{owner}/{repo}/pulls/{pull_number}</c>; null fields are left unchanged.</summary>
public sealed record UpdatePullRequestRequest(string? Title = null, string? Body = null, string? State = null, string? Base = null);
