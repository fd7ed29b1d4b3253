using System.Globalization;
using System.Text.RegularExpressions;

namespace GitBot.Core.Reviews.Diffs;

/// <summary>
/// Parses unified diffs as GitHub returns them: the whole pull request (<c>Accept: application/vnd.github.diff</c>,
/// git's extended format with <c>diff --git</c> headers) and the per-file <c>patch</c> of the pull request files API
/// (hunks only). Also accepts plain <c>diff -u</c> output.
/// <para>
/// Guarantees: never throws on any input (malformed parts are skipped); one pass over the text, so time and memory
/// are linear in its size; hunk lines are consumed by the counts in their <c>@@</c> header, so a removed line that
/// reads <c>--- x</c> is never mistaken for a file header. Carriage returns at line ends are dropped, whether they
/// come from a CRLF transport or from a file with CRLF endings, so line text never ends in <c>\r</c> and a CRLF diff
/// parses exactly like its LF form.
/// </para>
/// </summary>
public static partial class UnifiedDiffParser
{
    /// <summary>Parses a whole diff. Null, empty or whitespace text gives <see cref="ParsedDiff.Empty"/>.</summary>
    public static ParsedDiff Parse(string? diff)
    {
        if (string.IsNullOrWhiteSpace(diff))
        {
            return ParsedDiff.Empty;
        }

        var files = new List<DiffFile>();
        DiffFileBuilder? file = null;
        var start = 0;
        while (start < diff.Length)
        {
            var end = diff.IndexOf('\n', start);
            var next = end < 0 ? diff.Length : end + 1;
            var stop = end < 0 ? diff.Length : end;
            while (stop > start && diff[stop - 1] == '\r')
            {
                stop--;
            }

            file = Feed(files, file, diff[start..stop]);
            start = next;
        }

        if (file is not null)
        {
            files.Add(file.Build());
        }

        return new ParsedDiff(files);
    }

    /// <summary>
    /// Builds a file from one entry of <c>GET /repos/{o}/{r}/pulls/{n}/files</c>: its <c>filename</c>, <c>status</c>
    /// (<c>added</c>, <c>removed</c>, <c>modified</c>, <c>renamed</c>, <c>copied</c>, <c>changed</c>, <c>unchanged</c>),
    /// <c>previous_filename</c> and <c>patch</c>. GitHub omits the patch for binary and very large files; then the file
    /// has no hunks (and <see cref="DiffFile.IsBinary"/> is false, since the API does not say which it was).
    /// </summary>
    public static DiffFile ParseFilePatch(string filename, string status, string? previousFilename, string? patch)
    {
        var parsed = Parse(patch).Files;
        var hunks = parsed.Count > 0 ? parsed[0].Hunks : [];
        var kind = status switch
        {
            "added" => DiffFileStatus.Added,
            "removed" => DiffFileStatus.Removed,
            "renamed" => DiffFileStatus.Renamed,
            "copied" => DiffFileStatus.Copied,
            _ => DiffFileStatus.Modified,
        };
        var oldPath = kind switch
        {
            DiffFileStatus.Added => null,
            DiffFileStatus.Renamed or DiffFileStatus.Copied => previousFilename ?? filename,
            _ => filename,
        };
        return new DiffFile(oldPath, kind == DiffFileStatus.Removed ? null : filename, kind, false, null, null, hunks);
    }

    private static DiffFileBuilder? Feed(List<DiffFile> files, DiffFileBuilder? file, string line)
    {
        if (file is not null && file.TryAddHunkLine(line))
        {
            return file;
        }

        if (line.StartsWith("diff ", StringComparison.Ordinal))
        {
            return StartFile(files, file, line.StartsWith("diff --git ", StringComparison.Ordinal) ? line["diff --git ".Length..] : null);
        }

        if (file is not null && file.InBinaryPatch)
        {
            return file;
        }

        if (line.StartsWith("@@ ", StringComparison.Ordinal))
        {
            var header = HunkHeader().Match(line);
            if (header.Success && TryNumber(header.Groups[1], 0, out var oldStart) && TryNumber(header.Groups[2], 1, out var oldCount)
                && TryNumber(header.Groups[3], 0, out var newStart) && TryNumber(header.Groups[4], 1, out var newCount))
            {
                file ??= new DiffFileBuilder(null);
                file.StartHunk(oldStart, oldCount, newStart, newCount, header.Groups[5].Value.Trim());
            }

            return file;
        }

        if (line.StartsWith("--- ", StringComparison.Ordinal))
        {
            // A second "---" (or one after hunks) starts the next file of a plain diff without "diff" lines.
            if (file is null || file.HasHunks || file.SawOldHeader)
            {
                file = StartFile(files, file, null);
            }

            file.SetOldHeader(DiffPaths.FromHeader(line[4..], "a/"));
            return file;
        }

        if (file is null)
        {
            return null;
        }

        if (line.StartsWith("+++ ", StringComparison.Ordinal))
        {
            file.SetNewHeader(DiffPaths.FromHeader(line[4..], "b/"));
        }
        else if (!file.HasHunks)
        {
            file.AddExtendedHeader(line);
        }

        return file;
    }

    private static DiffFileBuilder StartFile(List<DiffFile> files, DiffFileBuilder? previous, string? gitHeader)
    {
        if (previous is not null)
        {
            files.Add(previous.Build());
        }

        return new DiffFileBuilder(gitHeader is null ? null : DiffPaths.FromGitHeader(gitHeader));
    }

    private static bool TryNumber(Group group, int fallback, out int value)
    {
        if (!group.Success)
        {
            value = fallback;
            return true;
        }

        return int.TryParse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    [GeneratedRegex(@"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@(.*)$")]
    private static partial Regex HunkHeader();
}
