using System.Globalization;
using System.Text;

namespace GitBot.Core.Reviews.Reports;

/// <summary>Markdown pieces shared by the report builders. Inputs are already sanitized; these only shape them.</summary>
internal static class ReportMarkdown
{
    /// <summary>The start of every review body: the agent's hidden marker, then its heading.</summary>
    public static string Heading(ReviewAgentKind kind) =>
        ReviewAgentNames.Marker(kind) + "\n### " + ReviewAgentNames.DisplayName(kind) + "\n\n";

    /// <summary>Sanitized text made safe for one table cell: one line, pipes escaped.</summary>
    public static string Cell(string? untrusted, int maxChars) =>
        ReviewTextSanitizer.SanitizeLine(untrusted, maxChars).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>A code span around sanitized one-line text, with a delimiter no run of backticks inside can close.</summary>
    public static string Code(string? untrusted, int maxChars)
    {
        var text = ReviewTextSanitizer.SanitizeLine(untrusted, maxChars);
        if (text.Length == 0)
        {
            return "``";
        }

        var ticks = new string('`', LongestRun(text, '`') + 1);
        var pad = text.StartsWith('`') || text.EndsWith('`') ? " " : string.Empty;
        return ticks + pad + text + pad + ticks;
    }

    /// <summary>A fenced block whose fence is longer than any backtick run inside, so the text cannot close it.</summary>
    public static string Fence(string? untrusted, int maxChars)
    {
        var text = ReviewTextSanitizer.Sanitize(untrusted, maxChars);
        var fence = new string('`', Math.Max(3, LongestRun(text, '`') + 1));
        return fence + "text\n" + text + "\n" + fence + "\n";
    }

    /// <summary><c>1 secret</c>, <c>2 secrets</c>.</summary>
    public static string Count(int count, string singular, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural ?? singular + "s")}");

    /// <summary>
    /// <paramref name="head"/>, then as many <paramref name="items"/> (each ending with a newline) as fit in
    /// <paramref name="maxChars"/>, a note for the rest, then <paramref name="tail"/>; hard-capped as a last resort.
    /// </summary>
    public static string Compose(string head, IReadOnlyList<string> items, string tail, int maxChars, Func<int, string> note)
    {
        var total = head.Length + tail.Length + items.Sum(i => i.Length);
        var kept = items.Count;
        if (total > maxChars)
        {
            var budget = maxChars - head.Length - tail.Length - note(items.Count).Length - 4;
            var used = 0;
            kept = 0;
            while (kept < items.Count && used + items[kept].Length <= budget)
            {
                used += items[kept].Length;
                kept++;
            }
        }

        var body = new StringBuilder(head);
        for (var i = 0; i < kept; i++)
        {
            body.Append(items[i]);
        }

        if (kept < items.Count)
        {
            // A blank line first, so the note ends a table or list instead of becoming a row of it.
            body.Append('\n').Append(note(items.Count - kept)).Append('\n');
        }

        body.Append(tail);
        return body.Length <= maxChars ? body.ToString() : ReviewTextSanitizer.Truncate(body.ToString(), maxChars);
    }

    private static int LongestRun(string text, char c)
    {
        int longest = 0, run = 0;
        foreach (var ch in text)
        {
            run = ch == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
