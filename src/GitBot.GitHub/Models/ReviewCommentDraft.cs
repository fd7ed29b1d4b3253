namespace GitBot.GitHub.Models;

/// <summary>An inline comment of a new review, on <see cref="Line"/> (and from <see cref="StartLine"/> for a range) of <see cref="Path"/>.</summary>
public sealed record ReviewCommentDraft(string Path, string Body, int? Line = null, DiffSide? Side = null, int? StartLine = null, DiffSide? StartSide = null);
