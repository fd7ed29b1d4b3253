namespace GitBot.GitHub.Models;

/// <summary>A label on an issue or pull request.</summary>
public sealed record GitHubLabel(long Id, string Name, string? Color = null, string? Description = null);
