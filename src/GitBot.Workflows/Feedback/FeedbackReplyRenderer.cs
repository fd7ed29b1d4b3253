using System.Globalization;
using GitBot.Core.Plans.Rendering;

namespace GitBot.Workflows.Feedback;

/// <summary>
/// The one pull request comment a feedback run writes per review, found again by its marker and edited in place:
/// first "working on it", then what happened. Guarantees: it mentions nobody and references nothing (untrusted text
/// goes through <see cref="MarkdownText"/>); the "working" state carries a second marker, so a re-run can tell an
/// answered review (nothing to do) from one whose run died midway (run again).
/// </summary>
public static class FeedbackReplyRenderer
{
    private const string WorkingMarker = "<!-- gitbot:feedback-working -->";

    /// <summary>The hidden marker of the reply to review <paramref name="reviewId"/>.</summary>
    public static string Marker(long reviewId) => $"<!-- gitbot:feedback:{reviewId.ToString(CultureInfo.InvariantCulture)} -->";

    /// <summary>True when <paramref name="body"/> is a finished reply (not the "working" state).</summary>
    public static bool IsFinal(string? body) => body is not null && !body.Contains(WorkingMarker, StringComparison.Ordinal);

    public static string Working(long reviewId, string branch) =>
        $"{Marker(reviewId)}\n{WorkingMarker}\nGitBot is addressing the changes requested in review {reviewId.ToString(CultureInfo.InvariantCulture)}; the coding agent is working on `{branch}`.";

    public static string Render(long reviewId, string branch, FeedbackOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var review = reviewId.ToString(CultureInfo.InvariantCulture);
        var sha = outcome.CommitSha is { Length: >= 7 } s ? s[..7] : "?";
        var reason = MarkdownText.Inline(outcome.Reason, 600);
        var text = outcome.Result switch
        {
            FeedbackResult.Pushed => $"GitBot pushed `{sha}` to `{branch}` addressing the changes requested in review {review}. The review agents run again on the new head.",
            FeedbackResult.AlreadyPushed => $"GitBot already pushed `{sha}` to `{branch}` addressing the changes requested in review {review}.",
            FeedbackResult.NoChange => $"The coding agent finished without changing anything for review {review}, so nothing was pushed.{Because(reason, "It said: ")}",
            FeedbackResult.BranchMoved => $"The coding agent's fix was not pushed: `{branch}` moved while it worked, and GitBot never force-pushes. Request changes again on the new head to try again.",
            // GitBot's own words and figures (BranchBudgetCheck.Refusal): kept as they are, backticks included.
            FeedbackResult.OverBudget => $"GitBot did not act on review {review}: {outcome.Reason} Nothing was run.",
            FeedbackResult.Skipped => $"GitBot did not act on review {review}.{Because(reason, "Reason: ")}",
            _ => $"GitBot could not address review {review}; nothing was pushed.{Because(reason, "Reason: ")}",
        };
        return $"{Marker(reviewId)}\n{text}";
    }

    private static string Because(string reason, string lead) => reason.Length == 0 ? string.Empty : $" {lead}{reason}";
}
