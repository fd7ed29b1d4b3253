using System.Text;

namespace GitBot.Core.Commands;

/// <summary>What a line is to the command parser.</summary>
internal enum LineRole
{
    /// <summary>Empty or whitespace only: ends a paragraph.</summary>
    Blank,

    /// <summary>Paragraph text at the top level: may be a command or continue a <c>fix</c>'s instructions.</summary>
    Text,

    /// <summary>Code, a fence line, a block quote (and its lazy continuation), an HTML comment or a heading: never a command.</summary>
    Hidden,
}

/// <summary>A line of a comment, as the scanner classified it.</summary>
/// <param name="Raw">The line as written.</param>
/// <param name="Visible">For text lines, the line without its HTML comments (what GitHub shows); otherwise empty.</param>
/// <param name="Role">What the line is.</param>
/// <param name="InCodeSpan">True when the line starts inside an inline code span opened on an earlier line of its paragraph.</param>
internal sealed record ScannedLine(string Raw, string Visible, LineRole Role, bool InCodeSpan);

/// <summary>
/// Follows the Markdown block structure of a comment line by line, as GitHub renders it: fenced code (backticks and
/// tildes, closed only by the same character at least as long, ended also when the block quote holding it ends),
/// block quotes with their lazy continuation lines, HTML comments and <c>&lt;pre&gt;</c>-like HTML blocks over any
/// number of lines, headings, and inline code
/// spans that run over several lines of a paragraph. Where it cannot follow GitHub exactly it errs towards hiding
/// lines, so that text GitHub shows as code, quote or comment is never read as a command.
/// </summary>
internal static class MarkdownScanner
{
    public static ScannedLine[] Scan(IReadOnlyList<string> lines)
    {
        var state = new BlockState();
        var scanned = new ScannedLine[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var (visible, role) = state.Next(lines[i]);
            scanned[i] = new ScannedLine(lines[i], visible, role, InCodeSpan: false);
        }

        MarkCodeSpans(scanned);
        return scanned;
    }

    /// <summary>Marks the text lines that start inside a code span opened earlier in the same run of text lines.</summary>
    private static void MarkCodeSpans(ScannedLine[] lines)
    {
        var first = 0;
        while (first < lines.Length)
        {
            if (lines[first].Role != LineRole.Text)
            {
                first++;
                continue;
            }

            var end = first;
            var joined = new StringBuilder();
            var starts = new List<int>();
            while (end < lines.Length && lines[end].Role == LineRole.Text)
            {
                starts.Add(joined.Length);
                joined.Append(lines[end].Visible).Append('\n');
                end++;
            }

            // Spans and line starts both ascend, so one pass over each marks the lines.
            var k = 0;
            foreach (var (open, close) in CodeSpans(joined.ToString()))
            {
                while (k < starts.Count && starts[k] <= open)
                {
                    k++;
                }

                for (; k < starts.Count && starts[k] <= close; k++)
                {
                    lines[first + k] = lines[first + k] with { InCodeSpan = true };
                }
            }

            first = end;
        }
    }

    private static List<(int Open, int Close)> CodeSpans(string text)
    {
        var spans = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '\\')
            {
                i += 2;
                continue;
            }

            if (text[i] != '`')
            {
                i++;
                continue;
            }

            var length = MarkdownSyntax.Run(text, i, '`');
            var close = MarkdownSyntax.CodeSpanClose(text, i + length, length);
            if (close < 0)
            {
                i += length;
                continue;
            }

            spans.Add((i, close));
            i = close + length;
        }

        return spans;
    }

    /// <summary>The block state carried from line to line.</summary>
    private sealed class BlockState
    {
        private OpenFence? fence;
        private int? commentQuoteDepth;
        private string? rawEndTag;
        private int rawQuoteDepth;
        private bool lazyQuote;

        public (string Visible, LineRole Role) Next(string line)
        {
            if (fence is { } open)
            {
                // A fence inside a block quote ends with the quote (a line with fewer markers, a blank line among them).
                if (MarkdownSyntax.QuoteDepth(line, out var after, open.QuoteDepth) == open.QuoteDepth)
                {
                    if (MarkdownSyntax.Closes(line[after..], open))
                    {
                        fence = null;
                    }

                    return (string.Empty, LineRole.Hidden);
                }

                fence = null;
            }

            if (commentQuoteDepth is { } depth)
            {
                if (MarkdownSyntax.QuoteDepth(line, out _, depth) == depth)
                {
                    var end = line.IndexOf("-->", StringComparison.Ordinal);
                    if (end >= 0)
                    {
                        commentQuoteDepth = RemoveComments(line, end + 3).Open ? depth : null;
                    }

                    lazyQuote = false;
                    return (string.Empty, LineRole.Hidden);
                }

                commentQuoteDepth = null;
            }

            if (rawEndTag is { } endTag)
            {
                if (MarkdownSyntax.QuoteDepth(line, out _, rawQuoteDepth) == rawQuoteDepth)
                {
                    if (line.Contains(endTag, StringComparison.OrdinalIgnoreCase))
                    {
                        rawEndTag = null;
                    }

                    lazyQuote = false;
                    return (string.Empty, LineRole.Hidden);
                }

                rawEndTag = null;
            }

            return Open(line);
        }

        /// <summary>A line that starts outside any fence or comment.</summary>
        private (string Visible, LineRole Role) Open(string line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                lazyQuote = false;
                return (string.Empty, LineRole.Blank);
            }

            if (MarkdownSyntax.Opener(line) is { } opener)
            {
                fence = opener;
                lazyQuote = false;
                return (string.Empty, LineRole.Hidden);
            }

            var quote = MarkdownSyntax.QuoteDepth(line, out var contentStart);
            if (MarkdownSyntax.RawBlockEndTag(line[contentStart..]) is { } endTag)
            {
                // <pre>, <script>, <style>, <textarea>: GitHub shows the block as written, up to the line with the end tag.
                rawEndTag = line.Contains(endTag, StringComparison.OrdinalIgnoreCase) ? null : endTag;
                rawQuoteDepth = quote;
                lazyQuote = false;
                return (string.Empty, LineRole.Hidden);
            }

            var (visible, unclosed) = RemoveComments(line, 0);
            if (unclosed)
            {
                commentQuoteDepth = quote;
            }

            var content = line[contentStart..];
            var blockStart = content.TrimStart(' ').StartsWith("<!--", StringComparison.Ordinal) || MarkdownSyntax.IsHeading(content);
            if (quote > 0)
            {
                // Text in a quote continues lazily on the following unmarked lines, which GitHub shows inside the quote.
                lazyQuote = !blockStart && !string.IsNullOrWhiteSpace(content);
                return (visible, LineRole.Hidden);
            }

            if (blockStart)
            {
                lazyQuote = false;
                return (visible, LineRole.Hidden);
            }

            return (visible, lazyQuote ? LineRole.Hidden : LineRole.Text);
        }

        /// <summary>The text from <paramref name="from"/> without its HTML comments, and whether the last comment is still open at the line end.</summary>
        private static (string Visible, bool Open) RemoveComments(string line, int from)
        {
            var visible = new StringBuilder(line.Length - from);
            var i = from;
            while (true)
            {
                var start = MarkdownSyntax.CommentStart(line, i);
                if (start < 0)
                {
                    visible.Append(line, i, line.Length - i);
                    return (visible.ToString(), false);
                }

                visible.Append(line, i, start - i);
                var end = line.IndexOf("-->", start + 4, StringComparison.Ordinal);
                if (end < 0)
                {
                    return (visible.ToString(), true);
                }

                i = end + 3;
            }
        }
    }
}
