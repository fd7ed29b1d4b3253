using System.Globalization;
using System.Text;
using GitBot.Core.Text;

namespace GitBot.Core.Reviews.Diffs;

/// <summary>
/// A compact text of a diff for prompts. Per file a header <c>== path (status, +a -r)</c>, then its hunks: the
/// <c>@@</c> line, context lines as <c> text</c>, removed lines as <c>-text</c> and added lines as <c>+12: text</c> with
/// their new-file line number (what an inline comment anchors to). Lines are scrubbed of secrets (the scanners report
/// those; the model need not see them) and cut at <see cref="MaxLineChars"/>. Over budget, every file header is kept
/// and the hunks are cut evenly (small files whole, large ones shortened to the same share), each cut file saying how
/// many lines it lost, and a last line says what was cut. Deterministic; at most <c>maxChars</c> characters.
/// </summary>
public static class DiffDigest
{
    /// <summary>Characters kept of one diff line.</summary>
    public const int MaxLineChars = 500;

    private const int CutNoteReserve = 48;
    private const int EndNoteReserve = 160;

    /// <summary>The digest of <paramref name="diff"/> in at most <paramref name="maxChars"/> characters (at least 500).</summary>
    public static string Build(ParsedDiff diff, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 500);

        var preamble = string.Create(CultureInfo.InvariantCulture,
            $"{diff.Files.Count} {(diff.Files.Count == 1 ? "file" : "files")} changed, +{diff.AddedLineCount} -{diff.RemovedLineCount}\n");
        var headers = diff.Files.Select(Header).ToList();
        var bodies = diff.Files.Select(Body).ToList();
        var sizes = bodies.Select(b => b.Sum(l => l.Length)).ToList();
        var totalLines = bodies.Sum(b => b.Count);

        if (preamble.Length + headers.Sum(h => h.Length) + sizes.Sum() <= maxChars)
        {
            return Join(preamble, headers, bodies, bodies.Select(b => b.Count).ToList(), null);
        }

        var withBody = sizes.Count(s => s > 0);
        var available = maxChars - preamble.Length - headers.Sum(h => h.Length) - EndNoteReserve - (CutNoteReserve * withBody);
        if (available < 0)
        {
            return HeadersOnly(preamble, headers, totalLines, maxChars);
        }

        var shares = Shares(sizes, available);
        var kept = new List<int>(bodies.Count);
        for (var i = 0; i < bodies.Count; i++)
        {
            var used = 0;
            var count = 0;
            while (count < bodies[i].Count && used + bodies[i][count].Length <= shares[i])
            {
                used += bodies[i][count].Length;
                count++;
            }

            kept.Add(count);
        }

        var cutLines = totalLines - kept.Sum();
        var cutFiles = bodies.Where((b, i) => kept[i] < b.Count).Count();
        var note = string.Create(CultureInfo.InvariantCulture,
            $"[digest cut to {maxChars} characters: {cutLines} of {totalLines} diff lines left out, from {cutFiles} of {bodies.Count} files]\n");
        return Join(preamble, headers, bodies, kept, note);
    }

    /// <summary>Even shares of <paramref name="available"/>: files smaller than the share get their size, the rest split what remains.</summary>
    private static List<int> Shares(List<int> sizes, int available)
    {
        var shares = new int[sizes.Count];
        var order = Enumerable.Range(0, sizes.Count).OrderBy(i => sizes[i]).ThenBy(i => i).ToList();
        var remaining = available;
        for (var k = 0; k < order.Count; k++)
        {
            var left = order.Count - k;
            var share = remaining / left;
            var i = order[k];
            shares[i] = Math.Min(sizes[i], share);
            remaining -= shares[i];
        }

        return [.. shares];
    }

    private static string Join(string preamble, List<string> headers, List<List<string>> bodies, List<int> kept, string? note)
    {
        var text = new StringBuilder(preamble);
        for (var i = 0; i < headers.Count; i++)
        {
            text.Append(headers[i]);
            for (var j = 0; j < kept[i]; j++)
            {
                text.Append(bodies[i][j]);
            }

            if (kept[i] < bodies[i].Count)
            {
                text.Append(CultureInfo.InvariantCulture, $"  [… {bodies[i].Count - kept[i]} more lines of this file cut]\n");
            }
        }

        return text.Append(note).ToString();
    }

    private static string HeadersOnly(string preamble, List<string> headers, int totalLines, int maxChars)
    {
        var text = new StringBuilder(preamble);
        var shown = 0;
        while (shown < headers.Count && text.Length + headers[shown].Length + EndNoteReserve <= maxChars)
        {
            text.Append(headers[shown++]);
        }

        if (shown < headers.Count)
        {
            text.Append(CultureInfo.InvariantCulture, $"[… and {headers.Count - shown} more files]\n");
        }

        return text.Append(CultureInfo.InvariantCulture, $"[digest cut to {maxChars} characters: all {totalLines} diff lines left out]\n").ToString();
    }

    private static string Header(DiffFile file)
    {
        var added = file.AddedLines.Count();
        var removed = file.RemovedLines.Count();
        var status = file.Status switch
        {
            DiffFileStatus.Added => "added",
            DiffFileStatus.Removed => "removed",
            DiffFileStatus.Renamed => "renamed from " + Cut(file.OldPath ?? string.Empty),
            DiffFileStatus.Copied => "copied from " + Cut(file.OldPath ?? string.Empty),
            _ => "modified",
        };
        var binary = file.IsBinary ? ", binary" : string.Empty;
        var mode = file.OldMode is not null && file.NewMode is not null && !string.Equals(file.OldMode, file.NewMode, StringComparison.Ordinal)
            ? $", mode {file.OldMode} -> {file.NewMode}"
            : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"== {Cut(file.Path)} ({status}{binary}{mode}, +{added} -{removed})\n");
    }

    private static List<string> Body(DiffFile file)
    {
        var lines = new List<string>();
        foreach (var hunk in file.Hunks)
        {
            var section = hunk.Section.Length > 0 ? " " + Cut(hunk.Section) : string.Empty;
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"@@ -{hunk.OldStart},{hunk.OldCount} +{hunk.NewStart},{hunk.NewCount} @@{section}\n"));
            foreach (var line in hunk.Lines)
            {
                var text = Cut(SecretScrubber.Scrub(line.Text));
                lines.Add(line.Kind switch
                {
                    DiffLineKind.Added => string.Create(CultureInfo.InvariantCulture, $"+{line.NewLine}: {text}\n"),
                    DiffLineKind.Removed => $"-{text}\n",
                    _ => $" {text}\n",
                });
            }
        }

        return lines;
    }

    private static string Cut(string text)
    {
        text = text.Replace("\r", string.Empty, StringComparison.Ordinal).Replace('\n', ' ');
        if (text.Length <= MaxLineChars)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[MaxLineChars - 1]) ? MaxLineChars - 1 : MaxLineChars;
        return text[..cut] + "…";
    }
}
