namespace GitBot.Core.Reviews.Reports;

/// <summary>
/// Everything one review agent posts for one head commit: a pull request review and a check run. Guarantees (of the
/// report builders): all text is capped and sanitized (<c>ReviewTextSanitizer</c>: no secrets, no mentions, no
/// commands); <see cref="Event"/> is <see cref="ReviewEventKind.RequestChanges"/> exactly when the change was found at
/// fault (a blocking finding, failing or hanging tests, a judge <c>fail</c>), and then <see cref="Conclusion"/> is
/// <see cref="ReviewCheckConclusion.Failure"/>. A review that could not be done (LLM pass failed, tests could not start,
/// no valid verdict) fails closed: a <see cref="ReviewCheckConclusion.Failure"/> check with a
/// <see cref="ReviewEventKind.Comment"/> review.
/// </summary>
/// <param name="Kind">Which agent.</param>
/// <param name="Event">Comment, or request changes when something blocks.</param>
/// <param name="ReviewBody">The review's Markdown body, starting with the agent's heading and marker.</param>
/// <param name="Comments">Inline comments, each on a right-side diff line.</param>
/// <param name="Conclusion">The check run's conclusion.</param>
/// <param name="CheckTitle">The check run's one-line title.</param>
/// <param name="CheckSummary">The check run's Markdown summary.</param>
/// <param name="Annotations">Check-run annotations (the publisher sends them 50 per request).</param>
public sealed record ReviewReport(
    ReviewAgentKind Kind,
    ReviewEventKind Event,
    string ReviewBody,
    IReadOnlyList<ReviewInlineComment> Comments,
    ReviewCheckConclusion Conclusion,
    string CheckTitle,
    string CheckSummary,
    IReadOnlyList<ReviewAnnotation> Annotations);
