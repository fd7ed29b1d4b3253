namespace GitBot.GitHub.Models;

/// <summary>The authenticated App (<c>GET /app</c>).</summary>
public sealed record GitHubApp(long Id, string? Slug, string Name, GitHubUser? Owner, string? HtmlUrl);
