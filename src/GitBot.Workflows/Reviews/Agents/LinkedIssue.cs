using System.Globalization;
using System.Text.RegularExpressions;

namespace GitBot.Workflows.Reviews.Agents;

/// <summary>
/// The issue a pull request is judged against: the one GitBot's branch was made for (<c>{prefix}/&lt;issue&gt;</c>),
/// else the first closing keyword of the body (<c>Closes #N</c>, <c>Fixes #N</c>, <c>Resolves #N</c>, any case).
/// </summary>
public static partial class LinkedIssue
{
    /// <summary>The linked issue number, or null when there is none.</summary>
    public static int? Find(string branchPrefix, string headRef, string? body) => FromBranch(branchPrefix, headRef) ?? FromBody(body);

    private static int? FromBranch(string branchPrefix, string headRef)
    {
        var prefix = branchPrefix + "/";
        if (!headRef.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        // gitbot/12, and a task branch gitbot/12-tasks/a names the same issue.
        var rest = headRef[prefix.Length..];
        var end = rest.IndexOfAny(['/', '-']);
        return int.TryParse(end < 0 ? rest : rest[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var issue) && issue > 0 ? issue : null;
    }

    private static int? FromBody(string? body)
    {
        var match = body is null ? null : ClosingKeyword().Match(body);
        return match is { Success: true } && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var issue) && issue > 0
            ? issue
            : null;
    }

    [GeneratedRegex(@"\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\s*:?\s+#(\d{1,9})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClosingKeyword();
}
