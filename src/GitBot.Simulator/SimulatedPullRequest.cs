namespace GitBot.Simulator;

/// <summary>A snapshot of a pull request for assertions.</summary>
public sealed record SimulatedPullRequest(
    int Number,
    string Title,
    string HeadRef,
    string HeadSha,
    string BaseRef,
    string State,
    bool Merged,
    bool Draft,
    string? MergeCommitSha,
    IReadOnlyList<SimulatedReview> Reviews);
