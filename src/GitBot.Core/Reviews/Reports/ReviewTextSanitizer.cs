using System.Text;
using System.Text.RegularExpressions;
using GitBot.Core.Reviews.Security;
using GitBot.Core.Text;

namespace GitBot.Core.Reviews.Reports;

/// <summary>
/// Makes untrusted text (model findings, test output, judge reasons, file paths) safe to post in a review, comment,
/// check-run summary or annotation. Guarantees, for any input:
/// <list type="bullet">
/// <item>Secret-like text is replaced: everything <see cref="SecretScrubber"/> knows becomes <c>[REDACTED]</c>; the
/// token formats only the scanners know (Stripe live keys, Slack webhooks) show as the scanners' redacted form
/// (<c>sk_l…p7dc</c>).</item>
/// <item>No <c>@name</c> or <c>@org/team</c> can ping anyone: a zero-width joiner (U+200D) is inserted right after
/// every <c>@</c> that a name could follow. It is invisible, and it works inside code spans and fences too, where an
/// HTML entity would show literally.</item>
/// <item>No line reads as a command: a zero-width space (U+200B) is inserted before <c>/agent</c> (any case) at the
/// start of a line, after any whitespace, quote (<c>&gt;</c>), list or emphasis markers.</item>
/// <item>No GitBot marker can be forged: every <c>&lt;!--</c> becomes <c>&lt;</c>U+200B<c>!--</c>, which is not an
/// HTML comment, so a marker finder never matches untrusted text.</item>
/// <item>Control and bidirectional-override characters are removed (tab and newline kept in multi-line text).</item>
/// <item>At most <c>maxChars</c> characters including a visible <see cref="TruncatedNote"/>; a surrogate pair or a
/// <c>[REDACTED]</c> is never cut.</item>
/// <item>Idempotent: sanitizing sanitized text (with the same limit) returns it unchanged.</item>
/// </list>
/// It does not escape Markdown: callers put the text where formatting is harmless (a paragraph, a code fence) or
/// escape table cells themselves.
/// </summary>
public static partial class ReviewTextSanitizer
{
    /// <summary>Appended when text was cut.</summary>
    public const string TruncatedNote = "… (truncated)";

    /// <summary>Inserted after <c>@</c> so a mention does not ping (zero-width joiner).</summary>
    public const char MentionBreaker = '\u200D';

    /// <summary>Inserted before <c>/agent</c> at a line start and inside <c>&lt;!--</c> (zero-width space).</summary>
    public const char CommandBreaker = '\u200B';

    private const string LineNote = " " + TruncatedNote;
    private const string BlockNote = "\n" + TruncatedNote;

    /// <summary>Sanitizes multi-line text (line breaks normalized to <c>\n</c>, leading blank lines and trailing whitespace dropped).</summary>
    /// <param name="text">Untrusted text; null is empty.</param>
    /// <param name="maxChars">Length limit of the result, at least 20.</param>
    public static string Sanitize(string? text, int maxChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 20);
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        return Cap(Clean(Normalize(text, singleLine: false)), maxChars, BlockNote);
    }

    /// <summary>Sanitizes text into one line (every control character a space, runs of whitespace collapsed), for titles.</summary>
    /// <param name="text">Untrusted text; null is empty.</param>
    /// <param name="maxChars">Length limit of the result, at least 20.</param>
    public static string SanitizeLine(string? text, int maxChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 20);
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        return Cap(Clean(Normalize(text, singleLine: true)), maxChars, LineNote);
    }

    /// <summary>Cuts <paramref name="text"/> to <paramref name="maxChars"/> without splitting a surrogate pair (no sanitizing).</summary>
    internal static string Truncate(string text, int maxChars, bool singleLine = false) =>
        Cap(text, maxChars, singleLine ? LineNote : BlockNote);

    private static string Normalize(string text, bool singleLine)
    {
        var result = new StringBuilder(text.Length);
        var lastWasSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                // \r\n and a lone \r are both one line break.
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    continue;
                }

                c = '\n';
            }

            if (IsBidiControl(c) || (char.IsControl(c) && c is not '\n' and not '\t'))
            {
                if (!singleLine)
                {
                    continue;
                }

                c = ' ';
            }

            if (singleLine)
            {
                var space = char.IsWhiteSpace(c);
                if (space && lastWasSpace)
                {
                    continue;
                }

                lastWasSpace = space;
                c = space ? ' ' : c;
            }

            result.Append(c);
        }

        return singleLine ? result.ToString().Trim() : TrimBlankLines(result.ToString());
    }

    /// <summary>Drops leading blank lines and trailing whitespace, but keeps the first line's indentation (stack traces, code).</summary>
    private static string TrimBlankLines(string text)
    {
        var first = 0;
        while (first < text.Length && char.IsWhiteSpace(text[first]))
        {
            first++;
        }

        var lineStart = first == 0 ? 0 : text.LastIndexOf('\n', first - 1) + 1;
        return text[lineStart..].TrimEnd();
    }

    /// <summary>Scrubs and neutralizes until nothing changes, so inserted breakers cannot complete a secret pattern on a second pass.</summary>
    private static string Clean(string text)
    {
        for (var round = 0; round < 4; round++)
        {
            var next = Neutralize(Scrub(text));
            if (string.Equals(next, text, StringComparison.Ordinal))
            {
                break;
            }

            text = next;
        }

        return text;
    }

    private static string Scrub(string text)
    {
        var scrubbed = SecretScrubber.Scrub(text);
        return ScannerOnlyTokens().Replace(scrubbed, m => Redaction.Redact(m.Value));
    }

    private static string Neutralize(string text)
    {
        var result = Mention().Replace(text, "@" + MentionBreaker);
        result = Command().Replace(result, m => m.Groups["lead"].Value + CommandBreaker + m.Groups["cmd"].Value);
        return result.Replace("<!--", "<" + CommandBreaker + "!--", StringComparison.Ordinal);
    }

    private static string Cap(string text, int maxChars, string note)
    {
        if (text.Length <= maxChars)
        {
            return text;
        }

        var cut = maxChars - note.Length;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        // A cut "[REDACT" could look like an unredacted value to the scrubber on a second pass.
        var window = Math.Min(cut, SecretScrubber.Redacted.Length);
        var open = text.LastIndexOf('[', cut - 1, window);
        if (open >= 0 && open + SecretScrubber.Redacted.Length > cut
            && text.AsSpan(open).StartsWith(SecretScrubber.Redacted, StringComparison.Ordinal))
        {
            cut = open;
        }

        return text[..cut].TrimEnd() + note;
    }

    private static bool IsBidiControl(char c) =>
        c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';

    // Formats the scanners flag but SecretScrubber does not know: Stripe live/restricted keys, Slack webhook URLs.
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:sk|rk)_live_[A-Za-z0-9]{20,}|https://hooks\.slack\.com/services/[A-Za-z0-9/_-]{20,}")]
    private static partial Regex ScannerOnlyTokens();

    [GeneratedRegex(@"@(?=[A-Za-z0-9])")]
    private static partial Regex Mention();

    [GeneratedRegex(@"(?im)^(?<lead>(?:[^\S\n]|[>*+\-`_~])*)(?<cmd>/agent)")]
    private static partial Regex Command();
}
