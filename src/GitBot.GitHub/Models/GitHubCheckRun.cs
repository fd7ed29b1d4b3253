namespace GitBot.GitHub.Models;

/// <summary>A check run.</summary>
public sealed record GitHubCheckRun(long Id, string Name, string HeadSha, string Status, string? Conclusion, string? HtmlUrl, string? DetailsUrl = null, string? ExternalId = null);
