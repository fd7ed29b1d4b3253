namespace GitBot.Core.Reviews.Diffs;

/// <summary>One <c>@@ -a,b +c,d @@</c> block of a file's diff.</summary>
/// <param name="OldStart">First old-file line of the hunk (0 when the old side is empty).</param>
/// <param name="OldCount">Number of old-file lines (context + removed) the header announced.</param>
/// <param name="NewStart">First new-file line of the hunk (0 when the new side is empty).</param>
/// <param name="NewCount">Number of new-file lines (context + added) the header announced.</param>
/// <param name="Section">The text after the closing <c>@@</c> (often the enclosing function), trimmed; may be empty.</param>
/// <param name="Lines">The lines in diff order.</param>
public sealed record DiffHunk(int OldStart, int OldCount, int NewStart, int NewCount, string Section, IReadOnlyList<DiffLine> Lines);
