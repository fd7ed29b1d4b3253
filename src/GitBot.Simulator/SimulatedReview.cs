namespace GitBot.Simulator;

/// <summary>A snapshot of a review: <see cref="State"/> is <c>APPROVED</c>, <c>CHANGES_REQUESTED</c>, <c>COMMENTED</c> or <c>DISMISSED</c>.</summary>
public sealed record SimulatedReview(
    long Id,
    string Author,
    string State,
    string CommitId,
    string? Body,
    IReadOnlyList<SimulatedReviewComment> Comments);
