using System.Globalization;
using System.Text;
using GitBot.Core.Text;

namespace GitBot.Core.Plans.Rendering;

/// <summary>
/// Turns untrusted text (titles, reasons, problems from users and agents) into inert Markdown. Guarantees: secrets are
/// scrubbed before anything else (escaping would hide a token from the scrubber yet render it); the result is one line
/// with no HTML, no Markdown syntax, no @-mentions and no issue references; it holds at most the given number of
/// source characters.
/// </summary>
public static class MarkdownText
{
    public const string Ellipsis = "…";

    public static string Inline(string? text, int maxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var scrubbed = SecretScrubber.Scrub(text);
        var line = new StringBuilder(scrubbed.Length);
        foreach (var c in scrubbed)
        {
            line.Append(char.IsControl(c) || IsBidiControl(c) ? ' ' : c);
        }

        var single = string.Join(' ', line.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (single.Length > maxLength)
        {
            // Never split a surrogate pair: a lone surrogate is not valid text for GitHub's API.
            var cut = char.IsHighSurrogate(single[maxLength - 1]) ? maxLength - 1 : maxLength;
            single = single[..cut].TrimEnd() + Ellipsis;
        }

        var escaped = new StringBuilder(single.Length + 16);
        foreach (var c in single)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '#' => "&#35;",
                '@' => "@&#8203;",
                '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~' or '$' => "\\" + c,
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>A code span when the text is a plain identifier or path (role names, branches), else escaped text.</summary>
    public static string Code(string? text)
    {
        if (!string.IsNullOrEmpty(text) && text.Length <= 100 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/'))
        {
            return "`" + text + "`";
        }

        return Inline(text, 100);
    }

    /// <summary><c>45s</c>, <c>1m 12s</c>, <c>1h 3m</c>; negative spans (clock skew between nodes) show as <c>0s</c>.</summary>
    public static string Duration(TimeSpan span)
    {
        var seconds = Math.Max(0L, (long)span.TotalSeconds);
        return seconds switch
        {
            < 60 => $"{seconds}s",
            < 3600 => $"{seconds / 60}m {seconds % 60}s",
            _ => $"{seconds / 3600}h {seconds % 3600 / 60}m",
        };
    }

    public static string Cost(decimal usd) => "$" + usd.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The first 7 characters of a hex commit id, or null when it is not one.</summary>
    public static string? ShortSha(string? sha) =>
        sha is { Length: >= 7 and <= 64 } && sha.All(char.IsAsciiHexDigit) ? sha[..7].ToLowerInvariant() : null;

    public static string Id(string id) => Code(id);

    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';
}
