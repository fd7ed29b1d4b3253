namespace GitBot.GitHub.Models;

/// <summary>A line-level annotation in a check run's output.</summary>
public sealed record CheckRunAnnotation(string Path, int StartLine, int EndLine, AnnotationLevel AnnotationLevel, string Message, string? Title = null);
