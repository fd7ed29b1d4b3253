namespace GitBot.Workflows.Feedback;

/// <summary>What <see cref="FeedbackTargetResolver"/> found: a <see cref="FeedbackTarget"/>, or why there is none.</summary>
public sealed record FeedbackTargetResolution(FeedbackTargetStatus Status, FeedbackTarget? Target, string? Problem)
{
    public static FeedbackTargetResolution Found(FeedbackTarget target) => new(FeedbackTargetStatus.Target, target, null);

    public static FeedbackTargetResolution None(FeedbackTargetStatus status, string problem) => new(status, null, problem);
}
