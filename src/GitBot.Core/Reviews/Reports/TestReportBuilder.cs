using System.Globalization;
using System.Text;
using GitBot.Core.Plans.Rendering;
using GitBot.Core.Reviews.TestResults;

namespace GitBot.Core.Reviews.Reports;

/// <summary>
/// Turns a run of the repository's test command into the tests agent's review and <c>gitbot/tests</c> check.
/// <list type="bullet">
/// <item>Completed, exit code 0, no failure counted: success, a comment (<c>312 passed, 0 failed, 4 skipped</c>; with
/// a note when no result summary could be read).</item>
/// <item>Failures counted or a non-zero exit code, or a timeout: failure and <c>REQUEST_CHANGES</c>, naming the first
/// failing tests with their message and an output excerpt (fenced and capped), or the output's last lines.</item>
/// <item>Could not start: failure (fail closed) as a comment, since the change is not known to be at fault.</item>
/// <item>No test command: neutral, a comment.</item>
/// </list>
/// No inline comments or annotations: test failures are not tied to lines of the diff.
/// </summary>
public static class TestReportBuilder
{
    private const int MaxNameChars = 300;
    private const int MaxMessageChars = 1_000;
    private const int MaxOutputChars = 2_000;
    private const int MaxTailChars = 6_000;

    /// <summary>Builds the report.</summary>
    public static ReviewReport Build(TestRunOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var summary = outcome.Summary;
        var counts = summary is null ? null : Counts(summary);
        var failed = summary is { Failed: > 0 };

        (ReviewCheckConclusion Conclusion, ReviewEventKind Event, string Title, string Explanation) verdict = outcome.Status switch
        {
            TestRunStatus.NotConfigured => (ReviewCheckConclusion.Neutral, ReviewEventKind.Comment, "No test_command configured",
                "The repository's configuration (`.github/gitbot.yml`) has no `test_command`, so no tests were run."),
            TestRunStatus.FailedToStart => (ReviewCheckConclusion.Failure, ReviewEventKind.Comment,
                "Tests could not start: " + ReviewTextSanitizer.SanitizeLine(outcome.Error, 150),
                "The test command could not be run at this commit, so the check fails until it can: re-run the check."),
            TestRunStatus.TimedOut => (ReviewCheckConclusion.Failure, ReviewEventKind.RequestChanges,
                "Tests timed out after " + MarkdownText.Duration(outcome.Duration) + (counts is null ? string.Empty : $" ({counts})"),
                "The test command ran past its timeout and was stopped; a test may hang."),
            _ when failed => (ReviewCheckConclusion.Failure, ReviewEventKind.RequestChanges, FailedTitle(summary!),
                "Tests fail at this commit."),
            _ when outcome.ExitCode is not 0 => (ReviewCheckConclusion.Failure, ReviewEventKind.RequestChanges,
                $"Test command exited with code {ExitCode(outcome)}" + (counts is null ? "; no result summary could be read" : $" ({counts})"),
                "The test command failed" + (counts is null ? "." : " although no test was reported as failing.")),
            _ when counts is null => (ReviewCheckConclusion.Success, ReviewEventKind.Comment, "Tests passed (exit code 0)",
                "The test command exited with code 0, but no result summary could be read"
                + (outcome.Error is null ? "." : ": " + ReviewTextSanitizer.SanitizeLine(outcome.Error, 500) + ".")),
            _ => (ReviewCheckConclusion.Success, ReviewEventKind.Comment, counts, "All tests pass."),
        };

        var head = new StringBuilder();
        head.Append("**").Append(ReviewTextSanitizer.Truncate(verdict.Title, ReviewLimits.MaxTitleChars, singleLine: true)).Append("**\n\n");
        head.Append(verdict.Explanation).Append("\n\n");
        if (outcome.Status != TestRunStatus.NotConfigured)
        {
            head.Append(RunLine(outcome)).Append("\n\n");
        }

        if (outcome.Status == TestRunStatus.Completed && counts is not null && !string.IsNullOrWhiteSpace(outcome.Error))
        {
            // E.g. background processes were killed after the run: the results stand, but the reader should know.
            head.Append("Note: ").Append(ReviewTextSanitizer.SanitizeLine(outcome.Error, 500)).Append("\n\n");
        }

        if (outcome.Status == TestRunStatus.FailedToStart && !string.IsNullOrWhiteSpace(outcome.Error))
        {
            head.Append(ReportMarkdown.Fence(outcome.Error, MaxMessageChars));
        }

        var items = new List<string>();
        if (summary is { Failures.Count: > 0 })
        {
            var shown = summary.Failures.Count < summary.Failed
                ? $"first {summary.Failures.Count} of {summary.Failed}"
                : summary.Failures.Count.ToString(CultureInfo.InvariantCulture);
            head.Append("#### Failing tests (").Append(shown).Append(")\n\n");
            items.AddRange(summary.Failures.Select((f, i) => FailureItem(i + 1, f)));
        }

        var showTail = verdict.Conclusion == ReviewCheckConclusion.Failure && outcome.Status != TestRunStatus.FailedToStart
            && summary is not { Failures.Count: > 0 } && !string.IsNullOrWhiteSpace(outcome.OutputTail);
        var tail = showTail ? "#### Last lines of output\n\n" + ReportMarkdown.Fence(outcome.OutputTail, MaxTailChars) : string.Empty;

        var check = ReviewAgentNames.CheckName(ReviewAgentKind.Tests);
        var body = ReportMarkdown.Compose(ReportMarkdown.Heading(ReviewAgentKind.Tests) + head, items, tail, ReviewLimits.MaxBodyChars,
            n => $"_… and {ReportMarkdown.Count(n, "more failure")}: see the {check} check._");
        var checkSummary = ReportMarkdown.Compose(head.ToString(), items, tail, ReviewLimits.MaxSummaryChars,
            n => $"_… and {ReportMarkdown.Count(n, "more failure")} not shown._");
        return new ReviewReport(ReviewAgentKind.Tests, verdict.Event, body, [], verdict.Conclusion,
            ReviewTextSanitizer.Truncate(verdict.Title, ReviewLimits.MaxTitleChars, singleLine: true), checkSummary, []);
    }

    private static string Counts(TestRunSummary summary) =>
        string.Create(CultureInfo.InvariantCulture, $"{summary.Passed} passed, {summary.Failed} failed, {summary.Skipped} skipped");

    private static string FailedTitle(TestRunSummary summary)
    {
        var title = string.Create(CultureInfo.InvariantCulture, $"{summary.Failed} failed, {summary.Passed} passed, {summary.Skipped} skipped");
        if (summary.Failures.Count == 0)
        {
            return title;
        }

        var more = summary.Failed > 1 ? $" and {summary.Failed - 1} more" : string.Empty;
        return $"{title}: {ReviewTextSanitizer.SanitizeLine(summary.Failures[0].Name, 120)}{more}";
    }

    private static string ExitCode(TestRunOutcome outcome) =>
        outcome.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "unknown";

    private static string RunLine(TestRunOutcome outcome)
    {
        var line = new StringBuilder("Command: ").Append(ReportMarkdown.Code(outcome.Command, 300));
        if (outcome.ExitCode is not null)
        {
            line.Append(" · exit code ").Append(ExitCode(outcome));
        }

        line.Append(" · ").Append(MarkdownText.Duration(outcome.Duration));
        if (outcome.ResultSource is not null)
        {
            line.Append(" · results from ").Append(ReportMarkdown.Code(outcome.ResultSource, 300));
        }

        return line.ToString();
    }

    private static string FailureItem(int number, TestFailure failure)
    {
        var item = new StringBuilder();
        item.Append(number.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(ReportMarkdown.Code(failure.Name, MaxNameChars)).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(failure.Message))
        {
            item.Append(ReportMarkdown.Fence(failure.Message, MaxMessageChars)).Append('\n');
        }

        if (!string.IsNullOrWhiteSpace(failure.Output))
        {
            item.Append("Output:\n\n").Append(ReportMarkdown.Fence(failure.Output, MaxOutputChars)).Append('\n');
        }

        return item.ToString();
    }
}
