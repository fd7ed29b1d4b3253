namespace GitBot.Core.Reviews.Diffs;

/// <summary>
/// One line of a hunk. An added line has only <see cref="NewLine"/>, a removed line only <see cref="OldLine"/>, a
/// context line both. The new-file number of an added line is the <c>line</c> (with <c>side: RIGHT</c>) of an inline
/// review comment on GitHub.
/// </summary>
/// <param name="Kind">Added, removed or context.</param>
/// <param name="Text">The line without its one-character prefix and without a trailing carriage return.</param>
/// <param name="OldLine">1-based line number in the old file; null for added lines.</param>
/// <param name="NewLine">1-based line number in the new file; null for removed lines.</param>
/// <param name="NoNewlineAtEnd">True when the diff said <c>\ No newline at end of file</c> right after this line.</param>
public sealed record DiffLine(DiffLineKind Kind, string Text, int? OldLine, int? NewLine, bool NoNewlineAtEnd = false);
