using System.Text.RegularExpressions;

namespace GitBot.Core.Reviews.Judge;

/// <summary>
/// Pulls the acceptance criteria out of an issue body: every checklist item (<c>- [ ] ...</c>, <c>* [x] ...</c>) anywhere,
/// and every list item or non-empty line in a section headed "Acceptance criteria" (a Markdown heading, a bold line or a
/// line ending in a colon), up to the next heading. Order is kept; duplicates are dropped.
/// </summary>
public static partial class AcceptanceCriteria
{
    /// <summary>The criteria found, in order; empty when the issue states none.</summary>
    public static IReadOnlyList<string> Extract(string? issueBody)
    {
        var criteria = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var inSection = false;
        var inFence = false;
        foreach (var raw in (issueBody ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence || line.Length == 0)
            {
                continue;
            }

            if (SectionHeading().IsMatch(line))
            {
                inSection = true;
                continue;
            }

            if (line.StartsWith('#') || BoldHeading().IsMatch(line))
            {
                inSection = false;
            }

            var checklist = ChecklistItem().Match(line);
            string? item = checklist.Success ? checklist.Groups[1].Value
                : inSection && !line.StartsWith('#') ? ListItem().Match(line) is { Success: true } m ? m.Groups[1].Value : line
                : null;
            if (item is not null && item.Trim().Length > 0 && seen.Add(item.Trim()))
            {
                criteria.Add(item.Trim());
            }
        }

        return criteria;
    }

    [GeneratedRegex(@"^(?:#{1,6}\s*|\*\*|__)?\s*acceptance criteria\b[^a-z0-9]*$", RegexOptions.IgnoreCase)]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^(?:\*\*|__)[^*_]+(?:\*\*|__):?$")]
    private static partial Regex BoldHeading();

    [GeneratedRegex(@"^(?:[-*+]|\d+[.)])\s+\[[ xX]\]\s+(.+)$")]
    private static partial Regex ChecklistItem();

    [GeneratedRegex(@"^(?:[-*+]|\d+[.)])\s+(.+)$")]
    private static partial Regex ListItem();
}
