using System.Globalization;

namespace GitBot.Simulator.Git;

/// <summary>
/// A minimal reader of <c>git diff</c> output (the simulator shares no code with GitBot, so it keeps its own): file
/// headers (<c>diff --git</c>, <c>---</c>/<c>+++</c>, renames), hunk headers and the lines under them, numbered on both
/// sides. Binary files and mode-only changes come out as files without lines.
/// </summary>
internal static class UnifiedDiffReader
{
    public static IReadOnlyList<DiffFile> Read(string diff)
    {
        var files = new List<DiffFile>();
        string? oldPath = null, newPath = null;
        List<DiffLine>? lines = null;
        int oldLine = 0, newLine = 0, hunk = 0;
        var inHunk = false;

        void Flush()
        {
            if (lines is not null)
            {
                files.Add(new DiffFile(oldPath, newPath, lines));
            }
        }

        foreach (var raw in diff.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                Flush();
                (oldPath, newPath) = GitHeaderPaths(line);
                lines = [];
                inHunk = false;
                hunk = 0;
                continue;
            }

            if (lines is null)
            {
                continue;
            }

            if (line.StartsWith("@@ ", StringComparison.Ordinal))
            {
                (oldLine, newLine) = HunkStarts(line);
                inHunk = true;
                hunk++;
                lines.Add(new DiffLine(lines.Count, hunk, DiffLineKind.HunkHeader, null, null, line));
                continue;
            }

            if (!inHunk)
            {
                oldPath = line.StartsWith("--- ", StringComparison.Ordinal) ? HeaderPath(line[4..]) : oldPath;
                newPath = line.StartsWith("+++ ", StringComparison.Ordinal) ? HeaderPath(line[4..]) : newPath;
                oldPath = line.StartsWith("rename from ", StringComparison.Ordinal) ? line["rename from ".Length..] : oldPath;
                newPath = line.StartsWith("rename to ", StringComparison.Ordinal) ? line["rename to ".Length..] : newPath;
                oldPath = line.StartsWith("new file mode", StringComparison.Ordinal) ? null : oldPath;
                newPath = line.StartsWith("deleted file mode", StringComparison.Ordinal) ? null : newPath;
                continue;
            }

            var position = lines.Count;
            switch (line.Length == 0 ? ' ' : line[0])
            {
                case '+':
                    lines.Add(new DiffLine(position, hunk, DiffLineKind.Added, null, newLine++, line));
                    break;
                case '-':
                    lines.Add(new DiffLine(position, hunk, DiffLineKind.Removed, oldLine++, null, line));
                    break;
                case '\\':
                    lines.Add(new DiffLine(position, hunk, DiffLineKind.NoNewline, null, null, line));
                    break;
                case ' ' when raw.Length > 0:
                    lines.Add(new DiffLine(position, hunk, DiffLineKind.Context, oldLine++, newLine++, line));
                    break;
                default:
                    // The empty string after the output's final newline ends the hunk.
                    inHunk = false;
                    break;
            }
        }

        Flush();
        return files;
    }

    /// <summary><c>diff --git a/x b/y</c> → (x, y); quoted or space-containing paths are settled by the later headers.</summary>
    private static (string? Old, string? New) GitHeaderPaths(string line)
    {
        var rest = line["diff --git ".Length..];
        var split = rest.IndexOf(" b/", StringComparison.Ordinal);
        return rest.StartsWith("a/", StringComparison.Ordinal) && split > 0 ? (rest[2..split], rest[(split + 3)..]) : (null, null);
    }

    private static string? HeaderPath(string value) =>
        value == "/dev/null" ? null : value.Length > 2 && value[1] == '/' ? value[2..] : value;

    /// <summary><c>@@ -a,b +c,d @@</c> → (a, c).</summary>
    private static (int Old, int New) HunkStarts(string header)
    {
        var parts = header.Split(' ');
        return (Start(parts[1]), Start(parts[2]));

        static int Start(string range)
        {
            var comma = range.IndexOf(',', StringComparison.Ordinal);
            var number = comma < 0 ? range[1..] : range[1..comma];
            return int.Parse(number, CultureInfo.InvariantCulture);
        }
    }
}
