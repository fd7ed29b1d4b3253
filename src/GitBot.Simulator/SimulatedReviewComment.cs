namespace GitBot.Simulator;

/// <summary>
/// An inline review comment: file, line (if anchored by line), side (<c>RIGHT</c> or <c>LEFT</c>), text, and the first line
/// of a multi-line comment.
/// </summary>
public sealed record SimulatedReviewComment(long Id, string Path, int? Line, string Body, string Side, int? StartLine);
