namespace GitBot.Simulator.Git;

/// <summary>
/// One file of a <c>git diff</c>, as GitHub anchors review comments on it: every line from the file's first hunk
/// header on, in order (its index is the legacy <c>position</c>), each with its line numbers in the old and new file.
/// </summary>
/// <param name="OldPath">The path before the change (null for an added file).</param>
/// <param name="NewPath">The path after the change (null for a deleted file).</param>
/// <param name="Lines">
/// The diff lines from the first <c>@@</c> header on; a line's index is its position (the first header is 0, the line below
/// it 1, and later hunk headers take a position too, as GitHub counts).
/// </param>
internal sealed record DiffFile(string? OldPath, string? NewPath, IReadOnlyList<DiffLine> Lines)
{
    /// <summary>The path a review comment names: the new path, or the old one for a deleted file.</summary>
    public string Path => NewPath ?? OldPath ?? string.Empty;

    /// <summary>The diff line showing <paramref name="line"/> of the new file (RIGHT) or the old file (LEFT), or null.</summary>
    public DiffLine? Find(int line, bool right) =>
        Lines.FirstOrDefault(l => right ? l.NewLine == line : l.OldLine == line);

    /// <summary>
    /// GitHub's <c>diff_hunk</c> of a comment on <paramref name="target"/>: its hunk's header through the line itself.
    /// </summary>
    public string HunkUpTo(DiffLine target)
    {
        var start = target.Position;
        while (start > 0 && Lines[start].Kind != DiffLineKind.HunkHeader)
        {
            start--;
        }

        return string.Join('\n', Lines.Skip(start).Take(target.Position - start + 1).Select(l => l.Text));
    }
}
