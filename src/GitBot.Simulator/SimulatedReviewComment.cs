namespace GitBot.Simulator;

/// <summary>An inline review comment: file, line (if given) and text.</summary>
public sealed record SimulatedReviewComment(long Id, string Path, int? Line, string Body);
