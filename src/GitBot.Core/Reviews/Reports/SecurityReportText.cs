using GitBot.Core.Reviews.Security;

namespace GitBot.Core.Reviews.Reports;

/// <summary>How security findings read in titles, lists, tables, inline comments and annotations.</summary>
internal static class SecurityReportText
{
    private const int MaxMessageChars = 1_000;
    private const int MaxPathChars = 300;

    /// <summary>The category of a rule id for the title: <c>secrets/…</c> is a secret, and so on.</summary>
    public static (string Singular, string Plural) Category(string rule)
    {
        var prefix = rule.Split('/')[0];
        return prefix switch
        {
            "secrets" => ("secret", "secrets"),
            "workflows" => ("workflow", "workflow"),
            "dependencies" => ("dependency", "dependency"),
            "codeowners" => ("CODEOWNERS", "CODEOWNERS"),
            "llm" => ("LLM review", "LLM review"),
            _ => (prefix, prefix),
        };
    }

    /// <summary>
    /// <c>1 secret, 2 workflow</c>: counts per category in order of first appearance, so with findings sorted most
    /// severe first the most severe category leads.
    /// </summary>
    public static string Breakdown(IEnumerable<SecurityFinding> findings) =>
        string.Join(", ", findings
            .GroupBy(f => Category(f.Rule).Singular, StringComparer.Ordinal)
            .Select(g => ReportMarkdown.Count(g.Count(), Category(g.First().Rule).Singular, Category(g.First().Rule).Plural)));

    public static string SeverityWord(Severity severity) => severity switch
    {
        Severity.Critical => "critical",
        Severity.High => "high",
        Severity.Medium => "medium",
        Severity.Low => "low",
        _ => "info",
    };

    public static ReviewAnnotationLevel Level(SecurityFinding finding) =>
        finding.Blocking ? ReviewAnnotationLevel.Failure
        : finding.Severity >= Severity.Medium ? ReviewAnnotationLevel.Warning
        : ReviewAnnotationLevel.Notice;

    /// <summary><c>src/a.cs:12</c>, or the path alone for a whole-file finding, as a code span.</summary>
    public static string Location(SecurityFinding finding) =>
        ReportMarkdown.Code(finding.Line is { } line ? $"{finding.Path}:{line}" : finding.Path, MaxPathChars);

    public static string Message(SecurityFinding finding) => ReviewTextSanitizer.SanitizeLine(finding.Message, MaxMessageChars);

    public static string Suggestion(SecurityFinding finding) => ReviewTextSanitizer.SanitizeLine(finding.Suggestion, MaxMessageChars);

    private static string Tag(SecurityFinding finding) =>
        $"**{SeverityWord(finding.Severity)}**{(finding.Blocking ? " · blocking" : string.Empty)} · {ReportMarkdown.Code(finding.Rule, 100)}";

    /// <summary>A list item for the review body (findings that are not inline comments).</summary>
    public static string ListItem(SecurityFinding finding) =>
        $"- {Tag(finding)} at {Location(finding)}: {Message(finding)}\n  Fix: {Suggestion(finding)}\n";

    /// <summary>A row of the summary's findings table.</summary>
    public static string TableRow(SecurityFinding finding) =>
        $"| {SeverityWord(finding.Severity)}{(finding.Blocking ? " (blocking)" : string.Empty)} | {ReportMarkdown.Code(finding.Rule, 100)} | "
        + $"{Location(finding).Replace("|", "\\|", StringComparison.Ordinal)} | {ReportMarkdown.Cell(finding.Message, MaxMessageChars)} |\n";

    public static string CommentBody(SecurityFinding finding) =>
        ReviewTextSanitizer.Truncate($"{Tag(finding)}\n\n{Message(finding)}\n\n**Fix:** {Suggestion(finding)}\n", ReviewLimits.MaxCommentChars);

    public static ReviewAnnotation Annotation(SecurityFinding finding) =>
        new(
            finding.Path,
            finding.Line ?? 1,
            finding.Line ?? 1,
            Level(finding),
            ReviewTextSanitizer.SanitizeLine($"{SeverityWord(finding.Severity)}{(finding.Blocking ? ", blocking" : string.Empty)}: {finding.Rule}", ReviewLimits.MaxTitleChars),
            ReviewTextSanitizer.Sanitize(finding.Message + "\nFix: " + finding.Suggestion, ReviewLimits.MaxAnnotationChars));
}
