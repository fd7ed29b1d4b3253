namespace GitBot.Workflows.Feedback;

/// <summary>
/// One inline comment of a review: the file, the line (null for a comment on the whole file or an outdated one), the
/// first line when it covers a range, and its text.
/// </summary>
public sealed record FeedbackComment(string Path, int? Line, string Body, int? StartLine = null);
