namespace GitBot.Workflows.Feedback;

/// <summary>One inline comment of a review: the file, the line (null for a comment on the whole file) and its text.</summary>
public sealed record FeedbackComment(string Path, int? Line, string Body);
