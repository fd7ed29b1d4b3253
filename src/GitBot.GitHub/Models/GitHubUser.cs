namespace GitBot.GitHub.Models;

/// <summary>A GitHub account as it appears inside other objects.</summary>
public sealed record GitHubUser(long Id, string Login, string? Type = null, string? HtmlUrl = null);
