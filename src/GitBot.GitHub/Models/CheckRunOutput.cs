namespace GitBot.GitHub.Models;

/// <summary>The visible text of a check run.</summary>
public sealed record CheckRunOutput(string Title, string Summary, string? Text = null, IReadOnlyList<CheckRunAnnotation>? Annotations = null);
