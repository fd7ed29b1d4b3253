using System.Globalization;
using System.Text;

namespace GitBot.Core.Plans.Rendering;

/// <summary>
/// Keeps a body under GitHub's 65,536-character limit. The fixed parts (marker, heading, totals) always appear; the
/// items (one per task) are kept in order while they fit, and a note says how many were left out.
/// </summary>
internal static class BodyLimit
{
    /// <summary>GitHub rejects comment and pull request bodies longer than 65,536 characters; stay well below.</summary>
    public const int MaxLength = 60_000;

    public static string Compose(string head, IReadOnlyList<string> items, string tail, int maxLength = MaxLength)
    {
        var full = Join(head, items, items.Count, tail, null);
        if (full.Length <= maxLength)
        {
            return full;
        }

        var budget = maxLength - head.Length - tail.Length - Note(items.Count).Length - 8;
        var kept = 0;
        var used = 0;
        while (kept < items.Count && used + items[kept].Length + 1 <= budget)
        {
            used += items[kept].Length + 1;
            kept++;
        }

        return Join(head, items, kept, tail, Note(items.Count - kept));
    }

    public static string Note(int omitted) =>
        string.Create(CultureInfo.InvariantCulture, $"_… and {omitted} more not shown: GitHub limits a body to 65,536 characters._");

    private static string Join(string head, IReadOnlyList<string> items, int count, string tail, string? note)
    {
        var body = new StringBuilder(head);
        for (var i = 0; i < count; i++)
        {
            body.Append(items[i]).Append('\n');
        }

        if (note is not null)
        {
            // A blank line first, so the note ends a table or list instead of becoming a row of it.
            body.Append('\n').Append(note).Append('\n');
        }

        return body.Append(tail).ToString();
    }
}
