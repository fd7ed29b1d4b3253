namespace GitBot.GitHub.Models;

/// <summary>Present on an issue that is really a pull request.</summary>
public sealed record GitHubIssuePullRequestLink(string? Url, string? HtmlUrl);
