using GitBot.Core.Reviews.Diffs;

namespace GitBot.Core.Reviews.Reports;

/// <summary>
/// Where inline review comments can go on a pull request: the right-side lines of its diff (added and context lines
/// inside a hunk). GitHub rejects a whole review when one comment is elsewhere, so report builders comment inline only
/// where <see cref="IsCommentable"/> holds and put other findings in the review body.
/// </summary>
public sealed class ReviewAnchors
{
    private readonly Dictionary<string, HashSet<int>> _lines = new(StringComparer.Ordinal);

    /// <summary>Indexes the right-side lines of <paramref name="diff"/> (one pass).</summary>
    public ReviewAnchors(ParsedDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        foreach (var file in diff.Files)
        {
            if (file.NewPath is null)
            {
                continue;
            }

            if (!_lines.TryGetValue(file.NewPath, out var lines))
            {
                lines = [];
                _lines[file.NewPath] = lines;
            }

            foreach (var line in file.Lines)
            {
                if (line.NewLine is { } number)
                {
                    lines.Add(number);
                }
            }
        }
    }

    /// <summary>True when <paramref name="newLine"/> of <paramref name="path"/> (its new path) is an added or context line of the diff.</summary>
    public bool IsCommentable(string path, int newLine) =>
        _lines.TryGetValue(path, out var lines) && lines.Contains(newLine);
}
