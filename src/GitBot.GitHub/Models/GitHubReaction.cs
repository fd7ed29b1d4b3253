namespace GitBot.GitHub.Models;

/// <summary>A reaction on an issue or comment; <see cref="Content"/> is GitHub's text (<c>+1</c>, <c>eyes</c>, ...).</summary>
public sealed record GitHubReaction(long Id, string Content, GitHubUser? User = null);
