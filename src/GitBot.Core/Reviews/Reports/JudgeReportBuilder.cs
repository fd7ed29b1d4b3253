using System.Globalization;
using System.Text;
using GitBot.Core.Reviews.Judge;

namespace GitBot.Core.Reviews.Reports;

/// <summary>
/// Turns the judge's verdict into its review and <c>gitbot/judge</c> check. <c>pass</c> and <c>needs_work</c> succeed
/// as comments (the score is advice; humans decide); <c>fail</c> fails the check with <c>REQUEST_CHANGES</c>; no valid
/// verdict fails the check (fail closed) as a comment naming the error. The body shows the score, the rubric
/// (criteria met or not with evidence, scope creep, tests added, risk) and the reasons, all sanitized.
/// </summary>
public static class JudgeReportBuilder
{
    private const int MaxCellChars = 500;
    private const int MaxReasonChars = 1_000;

    /// <summary>Builds the report from a verdict, or from the error when there is none.</summary>
    public static ReviewReport Build(JudgeVerdict? verdict, string? error)
    {
        var check = ReviewAgentNames.CheckName(ReviewAgentKind.Judge);
        if (verdict is null)
        {
            var reason = string.IsNullOrWhiteSpace(error) ? "the judge gave no verdict" : error;
            var title = "No valid verdict: " + ReviewTextSanitizer.SanitizeLine(reason, 150);
            var text = $"**{ReviewTextSanitizer.Truncate(title, ReviewLimits.MaxTitleChars, singleLine: true)}**\n\n"
                + $"The judge's answer could not be used, so {check} fails until it gives a valid one: re-run the check.\n\n"
                + ReportMarkdown.Fence(reason, 4_000);
            return new ReviewReport(ReviewAgentKind.Judge, ReviewEventKind.Comment, ReportMarkdown.Heading(ReviewAgentKind.Judge) + text, [],
                ReviewCheckConclusion.Failure, ReviewTextSanitizer.Truncate(title, ReviewLimits.MaxTitleChars, singleLine: true), text, []);
        }

        var headline = string.Create(CultureInfo.InvariantCulture, $"Score {verdict.Score}/10 — {Word(verdict.Verdict)}");
        var meaning = verdict.Verdict switch
        {
            JudgeOutcome.Pass => "The judge finds that this does what the issue asks. Advisory: a human reviewer decides.",
            JudgeOutcome.NeedsWork => "The judge finds work left to do (see the unmet criteria and reasons). Advisory: a human reviewer decides.",
            _ => "The judge finds that this does not address the issue or is harmful, so the check fails.",
        };

        var head = new StringBuilder();
        head.Append("**").Append(headline).Append("**\n\n").Append(meaning).Append("\n\n");
        head.Append("**Reasons:**\n\n");
        foreach (var reason in verdict.Reasons.Take(20))
        {
            head.Append("- ").Append(ReviewTextSanitizer.SanitizeLine(reason, MaxReasonChars)).Append('\n');
        }

        head.Append('\n');
        head.Append("| Rubric | |\n| --- | --- |\n");
        head.Append("| Scope creep | ").Append(ReportMarkdown.Cell(verdict.ScopeCreep, MaxCellChars)).Append(" |\n");
        head.Append("| Tests added | ").Append(verdict.TestsAdded ? "yes" : "no").Append(" |\n");
        head.Append("| Risk | ").Append(verdict.Risk.ToString().ToLowerInvariant()).Append(" |\n");
        var met = verdict.Criteria.Count(c => c.Met);
        head.Append("| Criteria met | ").Append(met.ToString(CultureInfo.InvariantCulture)).Append(" of ")
            .Append(verdict.Criteria.Count.ToString(CultureInfo.InvariantCulture)).Append(" |\n\n");
        if (verdict.Criteria.Count > 0)
        {
            head.Append("#### Acceptance criteria\n\n| Criterion | Met | Evidence |\n| --- | --- | --- |\n");
        }

        var rows = verdict.Criteria
            .Select(c => $"| {ReportMarkdown.Cell(c.Criterion, MaxCellChars)} | {(c.Met ? "yes" : "**no**")} | {ReportMarkdown.Cell(c.Evidence, MaxCellChars)} |\n")
            .ToList();
        var fails = verdict.Verdict == JudgeOutcome.Fail;
        var body = ReportMarkdown.Compose(ReportMarkdown.Heading(ReviewAgentKind.Judge) + head, rows, string.Empty, ReviewLimits.MaxBodyChars,
            n => $"_… and {ReportMarkdown.Count(n, "more criterion", "more criteria")} not shown._");
        var summary = ReportMarkdown.Compose(head.ToString(), rows, string.Empty, ReviewLimits.MaxSummaryChars,
            n => $"_… and {ReportMarkdown.Count(n, "more criterion", "more criteria")} not shown._");
        return new ReviewReport(ReviewAgentKind.Judge, fails ? ReviewEventKind.RequestChanges : ReviewEventKind.Comment, body, [],
            fails ? ReviewCheckConclusion.Failure : ReviewCheckConclusion.Success, headline, summary, []);
    }

    private static string Word(JudgeOutcome outcome) => outcome switch
    {
        JudgeOutcome.Pass => "pass",
        JudgeOutcome.NeedsWork => "needs work",
        _ => "fail",
    };
}
