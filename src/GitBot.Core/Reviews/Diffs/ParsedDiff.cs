namespace GitBot.Core.Reviews.Diffs;

/// <summary>A parsed diff: its files in the order the diff lists them.</summary>
public sealed record ParsedDiff(IReadOnlyList<DiffFile> Files)
{
    /// <summary>A diff with no files (an empty pull request, or an empty response).</summary>
    public static ParsedDiff Empty { get; } = new([]);

    /// <summary>The file whose new path (or, for a removed file, old path) is <paramref name="path"/>, or null.</summary>
    public DiffFile? Find(string path) => Files.FirstOrDefault(f => string.Equals(f.Path, path, StringComparison.Ordinal));

    /// <summary>Number of added lines across all files.</summary>
    public int AddedLineCount => Files.Sum(f => f.AddedLines.Count());

    /// <summary>Number of removed lines across all files.</summary>
    public int RemovedLineCount => Files.Sum(f => f.RemovedLines.Count());
}
