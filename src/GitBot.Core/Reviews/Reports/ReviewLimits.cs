namespace GitBot.Core.Reviews.Reports;

/// <summary>
/// Size caps of everything a review agent posts. GitHub rejects review and comment bodies over 65,536 characters and
/// check-run summaries over 65,535, and accepts 50 annotations per request; these stay well below and keep a flood of
/// findings from burying the review.
/// </summary>
public static class ReviewLimits
{
    /// <summary>Review body.</summary>
    public const int MaxBodyChars = 60_000;

    /// <summary>Check-run summary.</summary>
    public const int MaxSummaryChars = 60_000;

    /// <summary>One inline comment's body.</summary>
    public const int MaxCommentChars = 4_000;

    /// <summary>Check-run title and annotation titles.</summary>
    public const int MaxTitleChars = 200;

    /// <summary>One annotation's message.</summary>
    public const int MaxAnnotationChars = 4_000;

    /// <summary>Inline comments per review; the rest go in the body.</summary>
    public const int MaxInlineComments = 50;

    /// <summary>Annotations per check run; the summary says how many more there were.</summary>
    public const int MaxAnnotations = 200;
}
