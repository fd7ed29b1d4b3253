using System.Text;
using GitBot.Core.Text;

namespace GitBot.Workflows.Feedback;

/// <summary>
/// Untrusted text (agent summaries, error messages) made inert for a GitHub comment. Guarantees: secrets are scrubbed
/// first; the result is one line of at most <c>maxLength</c> source characters with no HTML, no Markdown syntax, no
/// @-mentions and no issue references.
/// </summary>
internal static class FeedbackText
{
    public static string Inline(string? text, int maxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var scrubbed = SecretScrubber.Scrub(text);
        var single = string.Join(' ', new string([.. scrubbed.Select(c => char.IsControl(c) || IsBidiControl(c) ? ' ' : c)])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (single.Length > maxLength)
        {
            var cut = char.IsHighSurrogate(single[maxLength - 1]) ? maxLength - 1 : maxLength;
            single = single[..cut].TrimEnd() + "…";
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

    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';
}
