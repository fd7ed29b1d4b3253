namespace GitBot.Core.Reviews.Diffs;

/// <summary>
/// One file of a diff. Paths are repository-relative, without git's <c>a/</c> and <c>b/</c> prefixes, unquoted.
/// </summary>
/// <param name="OldPath">Path before the change; null when the file was added.</param>
/// <param name="NewPath">Path after the change; null when the file was removed.</param>
/// <param name="Status">Added, removed, modified, renamed or copied.</param>
/// <param name="IsBinary">True when git reported a binary change (then there are no hunks).</param>
/// <param name="OldMode">File mode before (<c>100644</c>, <c>100755</c>, ...) when the diff said; else null.</param>
/// <param name="NewMode">File mode after when the diff said; else null.</param>
/// <param name="Hunks">The text hunks in order; empty for binary, mode-only and pure-rename changes.</param>
public sealed record DiffFile(
    string? OldPath,
    string? NewPath,
    DiffFileStatus Status,
    bool IsBinary,
    string? OldMode,
    string? NewMode,
    IReadOnlyList<DiffHunk> Hunks)
{
    /// <summary>The path a review comment goes on: the new path, or the old one for a removed file.</summary>
    public string Path => NewPath ?? OldPath ?? string.Empty;

    /// <summary>All lines of all hunks in diff order.</summary>
    public IEnumerable<DiffLine> Lines => Hunks.SelectMany(h => h.Lines);

    /// <summary>The added lines in diff order; each has a <see cref="DiffLine.NewLine"/>.</summary>
    public IEnumerable<DiffLine> AddedLines => Lines.Where(l => l.Kind == DiffLineKind.Added);

    /// <summary>The removed lines in diff order; each has a <see cref="DiffLine.OldLine"/>.</summary>
    public IEnumerable<DiffLine> RemovedLines => Lines.Where(l => l.Kind == DiffLineKind.Removed);

    /// <summary>
    /// True when <paramref name="newLine"/> is a line of the new file shown in the diff (added or context), i.e. GitHub
    /// accepts an inline comment on it with <c>side: RIGHT</c>.
    /// </summary>
    public bool CanCommentOnNewLine(int newLine) =>
        Hunks.Any(h => newLine >= h.NewStart && newLine < h.NewStart + h.NewCount
            && h.Lines.Any(l => l.NewLine == newLine));
}
