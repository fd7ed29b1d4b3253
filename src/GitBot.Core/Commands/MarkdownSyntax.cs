using System.Text.RegularExpressions;

namespace GitBot.Core.Commands;

/// <summary>A fence that is open: its character, its length, the quote depth it opened at and its container's column.</summary>
internal sealed record OpenFence(char Char, int Length, int QuoteDepth, int ContainerColumn);

/// <summary>
/// The pieces of CommonMark the command scanner needs, read from a line as GitHub renders it (invisible characters
/// kept: GitHub treats them as text, so <c>&#x200B;```</c> is not a fence there and is not one here either).
/// </summary>
internal static partial class MarkdownSyntax
{
    /// <summary>The number of block quote markers (<c>&gt;</c>, each after at most 3 spaces) the line starts with, at most <paramref name="max"/>.</summary>
    public static int QuoteDepth(string line, out int after, int max = int.MaxValue)
    {
        var depth = 0;
        var i = 0;
        while (depth < max)
        {
            var j = SkipSpaces(line, i, 3);
            if (j >= line.Length || line[j] != '>')
            {
                break;
            }

            depth++;
            i = j + 1;
            if (i < line.Length && line[i] is ' ' or '\t')
            {
                i++;
            }
        }

        after = i;
        return depth;
    }

    /// <summary>
    /// The fence a line opens, if it opens one: after any block quote and list markers (in any order), at most 3 spaces,
    /// then 3 or more backticks (whose info string has no backtick) or tildes.
    /// </summary>
    public static OpenFence? Opener(string line)
    {
        var depth = 0;
        var column = 0;
        var i = 0;
        while (true)
        {
            var j = SkipSpaces(line, i, 3);
            if (j < line.Length && line[j] == '>')
            {
                depth++;
                column = 0;
                i = j + 1 < line.Length && line[j + 1] is ' ' or '\t' ? j + 2 : j + 1;
                continue;
            }

            var content = ListContent(line, j);
            if (content < 0)
            {
                break;
            }

            column += Columns(line, i, content);
            i = content;
        }

        var start = i;
        var indent = 0;
        while (start < line.Length && line[start] == ' ' && indent < 4)
        {
            start++;
            indent++;
        }

        if (indent > 3 || start >= line.Length || line[start] is not '`' and not '~')
        {
            return null;
        }

        var fenceChar = line[start];
        var length = Run(line, start, fenceChar);
        if (length < 3 || (fenceChar == '`' && line.IndexOf('`', start + length) >= 0))
        {
            return null;
        }

        return new OpenFence(fenceChar, length, depth, column);
    }

    /// <summary>True when <paramref name="rest"/> (the line after the fence's quote markers) closes the fence.</summary>
    public static bool Closes(string rest, OpenFence fence)
    {
        var start = 0;
        var column = 0;
        while (start < rest.Length && rest[start] is ' ' or '\t')
        {
            column += rest[start] == '\t' ? 4 - (column % 4) : 1;
            start++;
        }

        if (column > fence.ContainerColumn + 3 || start >= rest.Length || rest[start] != fence.Char)
        {
            return false;
        }

        var length = Run(rest, start, fence.Char);
        return length >= fence.Length && string.IsNullOrWhiteSpace(rest[(start + length)..]);
    }

    /// <summary>
    /// For a line that starts a raw HTML block whose content GitHub shows as written (<c>&lt;pre&gt;</c>,
    /// <c>&lt;script&gt;</c>, <c>&lt;style&gt;</c>, <c>&lt;textarea&gt;</c>), the end tag that closes it; otherwise null.
    /// </summary>
    public static string? RawBlockEndTag(string content)
    {
        var match = RawBlockStart().Match(content);
        return match.Success ? "</" + match.Groups["tag"].Value.ToLowerInvariant() + ">" : null;
    }

    /// <summary>True for an ATX heading (<c># title</c>), which ends a paragraph.</summary>
    public static bool IsHeading(string line)
    {
        var start = SkipSpaces(line, 0, 3);
        var length = Run(line, start, '#');
        return length is >= 1 and <= 6 && (start + length == line.Length || line[start + length] is ' ' or '\t');
    }

    /// <summary>The index of the first <c>&lt;!--</c> at or after <paramref name="from"/> that is not inside a code span of the line, or -1.</summary>
    public static int CommentStart(string line, int from)
    {
        var i = from;
        while (i < line.Length)
        {
            if (line[i] == '\\' && i + 1 < line.Length)
            {
                i += 2;
                continue;
            }

            if (line[i] == '`')
            {
                var length = Run(line, i, '`');
                var close = CodeSpanClose(line, i + length, length);
                i = close < 0 ? i + length : close + length;
                continue;
            }

            if (string.CompareOrdinal(line, i, "<!--", 0, 4) == 0)
            {
                return i;
            }

            i++;
        }

        return -1;
    }

    /// <summary>The index of the backtick run of exactly <paramref name="length"/> that closes a code span opened before <paramref name="from"/>, or -1.</summary>
    public static int CodeSpanClose(string text, int from, int length)
    {
        var i = text.IndexOf('`', from);
        while (i >= 0)
        {
            var run = Run(text, i, '`');
            if (run == length)
            {
                return i;
            }

            i = text.IndexOf('`', i + run);
        }

        return -1;
    }

    /// <summary>The length of the run of <paramref name="c"/> starting at <paramref name="start"/>.</summary>
    public static int Run(string text, int start, char c)
    {
        var end = start;
        while (end < text.Length && text[end] == c)
        {
            end++;
        }

        return end - start;
    }

    private static int SkipSpaces(string line, int from, int max)
    {
        var i = from;
        while (i < line.Length && line[i] == ' ' && i - from < max)
        {
            i++;
        }

        return i;
    }

    /// <summary>Where a list item's content starts when a list marker (<c>-</c>, <c>*</c>, <c>+</c>, <c>1.</c>, <c>1)</c>) is at <paramref name="at"/>; -1 when there is none.</summary>
    private static int ListContent(string line, int at)
    {
        if (at >= line.Length)
        {
            return -1;
        }

        var end = at;
        if (line[at] is '-' or '*' or '+')
        {
            end = at + 1;
        }
        else
        {
            while (end < line.Length && char.IsAsciiDigit(line[end]) && end - at < 9)
            {
                end++;
            }

            if (end == at || end >= line.Length || line[end] is not '.' and not ')')
            {
                return -1;
            }

            end++;
        }

        if (end < line.Length && line[end] is not ' ' and not '\t')
        {
            return -1;
        }

        if (end < line.Length && line[end] == '\t')
        {
            return end + 1;
        }

        // One to four spaces belong to the marker; with five or more, the content is indented code after one.
        var spaces = Run(line, end, ' ');
        return end + (spaces is >= 1 and <= 4 ? spaces : Math.Min(spaces, 1));
    }

    private static int Columns(string line, int from, int to)
    {
        var column = 0;
        for (var i = from; i < to; i++)
        {
            column += line[i] == '\t' ? 4 - (column % 4) : 1;
        }

        return column;
    }

    [GeneratedRegex(@"^ {0,3}<(?<tag>pre|script|style|textarea)(?:[\s>]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex RawBlockStart();
}
