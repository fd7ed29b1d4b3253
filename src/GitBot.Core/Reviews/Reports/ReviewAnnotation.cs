namespace GitBot.Core.Reviews.Reports;

/// <summary>A check-run annotation (any line of any file; GitHub shows it in the Files view).</summary>
/// <param name="Path">Repository-relative path.</param>
/// <param name="StartLine">First line (1-based).</param>
/// <param name="EndLine">Last line (≥ <paramref name="StartLine"/>).</param>
/// <param name="Level">Notice, warning or failure.</param>
/// <param name="Title">One line, sanitized.</param>
/// <param name="Message">Sanitized plain text.</param>
public sealed record ReviewAnnotation(string Path, int StartLine, int EndLine, ReviewAnnotationLevel Level, string Title, string Message);
