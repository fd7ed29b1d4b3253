namespace GitBot.Simulator.Git;

/// <summary>What a diff line is: a hunk header, unchanged context, an addition, a removal, or a <c>\ No newline</c> note.</summary>
internal enum DiffLineKind
{
    HunkHeader,
    Context,
    Added,
    Removed,
    NoNewline,
}

/// <summary>One line of a file's diff with its legacy position (0 for the first hunk header), hunk and line numbers on each side.</summary>
internal sealed record DiffLine(int Position, int Hunk, DiffLineKind Kind, int? OldLine, int? NewLine, string Text);
