using GitBot.Core.Reviews.Diffs;
using GitBot.Core.Reviews.Security;

namespace GitBot.Core.Reviews.Reports;

/// <summary>
/// Turns the security agent's findings (deterministic scanners, then the LLM pass) into its review and
/// <c>gitbot/security</c> check. Rules: any blocking finding means <c>REQUEST_CHANGES</c> and a failed check; an LLM
/// pass that could not complete fails the check too (fail closed; the review is a comment, since nothing in the change
/// was found at fault) while still reporting the scanners' findings; otherwise a comment and a successful check.
/// Findings go inline (blocking, then most severe first, at most <see cref="ReviewLimits.MaxInlineComments"/>) when
/// their line is on the right side of the diff, else in the review body with their location; every finding is an
/// annotation (at most <see cref="ReviewLimits.MaxAnnotations"/>) and a row of the summary's table.
/// </summary>
public static class SecurityReportBuilder
{
    /// <summary>Builds the report.</summary>
    /// <param name="diff">The pull request's diff, which decides where inline comments can go.</param>
    /// <param name="scannerFindings">What <see cref="SecurityScanner.Scan"/> found.</param>
    /// <param name="llm">How the LLM pass went and what it found.</param>
    public static ReviewReport Build(ParsedDiff diff, IReadOnlyList<SecurityFinding> scannerFindings, SecurityLlmResult llm)
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentNullException.ThrowIfNull(scannerFindings);
        ArgumentNullException.ThrowIfNull(llm);

        var llmFindings = llm.Status == SecurityLlmStatus.Completed ? llm.Findings : [];
        var findings = scannerFindings.Concat(llmFindings)
            .OrderByDescending(f => f.Blocking).ThenByDescending(f => f.Severity)
            .ThenBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line ?? 0).ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ToList();
        var blocking = findings.Where(f => f.Blocking).ToList();
        var llmFailed = llm.Status == SecurityLlmStatus.Failed;

        var anchors = new ReviewAnchors(diff);
        var comments = new List<ReviewInlineComment>();
        var elsewhere = new List<SecurityFinding>();
        foreach (var finding in findings)
        {
            if (comments.Count < ReviewLimits.MaxInlineComments && finding.Line is { } line && anchors.IsCommentable(finding.Path, line))
            {
                comments.Add(new ReviewInlineComment(finding.Path, line, SecurityReportText.CommentBody(finding)));
            }
            else
            {
                elsewhere.Add(finding);
            }
        }

        var title = Title(findings, blocking, llmFailed);
        var ran = Ran(scannerFindings.Count, llm);
        var verdict = blocking.Count > 0 ? "Changes requested: the blocking findings must be fixed before this can merge."
            : llmFailed ? "The check stays red until the LLM review completes: re-run the check."
            : findings.Count > 0 ? "Nothing blocking; the findings below are advisory."
            : "Nothing found.";
        var head = $"**{title}**\n\n{verdict}\n\n{ran}\n\n";

        var bodyHead = ReportMarkdown.Heading(ReviewAgentKind.Security) + head
            + (comments.Count > 0 ? (comments.Count == 1 ? "1 finding is commented on its line.\n\n" : ReportMarkdown.Count(comments.Count, "finding") + " are commented on their lines.\n\n") : string.Empty)
            + (elsewhere.Count > 0 ? "#### Findings not commented inline\n\n" : string.Empty);
        var body = ReportMarkdown.Compose(bodyHead, elsewhere.Select(SecurityReportText.ListItem).ToList(), string.Empty,
            ReviewLimits.MaxBodyChars, n => $"_… and {ReportMarkdown.Count(n, "more finding")}: see the {ReviewAgentNames.CheckName(ReviewAgentKind.Security)} check._");

        var annotations = findings.Take(ReviewLimits.MaxAnnotations).Select(SecurityReportText.Annotation).ToList();
        var summaryHead = head + (findings.Count == 0 ? string.Empty : "| Severity | Rule | Location | Message |\n| --- | --- | --- | --- |\n");
        var summaryTail = findings.Count > ReviewLimits.MaxAnnotations
            ? $"\n_Annotations show the first {ReviewLimits.MaxAnnotations} of {findings.Count} findings._\n"
            : string.Empty;
        var summary = ReportMarkdown.Compose(summaryHead, findings.Select(SecurityReportText.TableRow).ToList(), summaryTail,
            ReviewLimits.MaxSummaryChars, n => $"_… and {ReportMarkdown.Count(n, "more finding")} not shown._");

        var blocks = blocking.Count > 0;
        return new ReviewReport(
            ReviewAgentKind.Security,
            blocks ? ReviewEventKind.RequestChanges : ReviewEventKind.Comment,
            body,
            comments,
            blocks || llmFailed ? ReviewCheckConclusion.Failure : ReviewCheckConclusion.Success,
            ReviewTextSanitizer.Truncate(title, ReviewLimits.MaxTitleChars, singleLine: true),
            summary,
            annotations);
    }

    private static string Title(List<SecurityFinding> findings, List<SecurityFinding> blocking, bool llmFailed)
    {
        if (blocking.Count > 0)
        {
            return $"{ReportMarkdown.Count(blocking.Count, "blocking finding")} ({SecurityReportText.Breakdown(blocking)})"
                + (llmFailed ? "; LLM review could not complete" : string.Empty);
        }

        if (llmFailed)
        {
            return "LLM review could not complete; re-run the check";
        }

        return findings.Count > 0 ? $"No blocking findings ({ReportMarkdown.Count(findings.Count, "advisory finding")})" : "No blocking findings";
    }

    private static string Ran(int scannerCount, SecurityLlmResult llm)
    {
        var scanners = $"**Scanners** (secrets, workflows, dependencies, CODEOWNERS): {ReportMarkdown.Count(scannerCount, "finding")}.";
        var dropped = llm.Dropped > 0
            ? $" {ReportMarkdown.Count(llm.Dropped, "finding on a file outside the diff was", "findings on files outside the diff were")} dropped."
            : string.Empty;
        var model = llm.Status switch
        {
            SecurityLlmStatus.Completed => $"**LLM review**: completed, {ReportMarkdown.Count(llm.Findings.Count, "finding")}.{dropped}",
            SecurityLlmStatus.Failed => $"**LLM review**: could not complete: {ReviewTextSanitizer.SanitizeLine(llm.Error, 500)}; re-run the check.",
            _ => "**LLM review**: not run (disabled in the repository's configuration).",
        };
        return scanners + "\n" + model;
    }
}
