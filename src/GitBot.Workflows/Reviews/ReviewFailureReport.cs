using GitBot.Core.Reviews.Reports;

namespace GitBot.Workflows.Reviews;

/// <summary>
/// The report of a review that could not be done (the diff could not be read, the configuration is invalid, a bug):
/// a failing check that says why and how to retry. Failing closed keeps the gate from going green on a review that
/// never happened. Only the check run is written, no review: nothing was found in the code.
/// </summary>
public static class ReviewFailureReport
{
    public static ReviewReport Build(ReviewAgentKind agent, string reason)
    {
        var why = ReviewTextSanitizer.SanitizeLine(reason, 500);
        var summary = $"{ReviewAgentNames.DisplayName(agent)} could not review this commit: {why}\n\n"
            + "Press **Re-run** on this check once the cause is fixed (or push a new commit).";
        return new ReviewReport(agent, ReviewEventKind.Comment, ReviewAgentNames.Marker(agent) + "\n" + summary, [],
            ReviewCheckConclusion.Failure, ReviewTextSanitizer.SanitizeLine("Review could not complete: " + reason, 200), summary, []);
    }
}
