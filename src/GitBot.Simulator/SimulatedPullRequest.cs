namespace GitBot.Simulator;

/// <summary>
/// A snapshot of a pull request for assertions; <see cref="Author"/> is the login that opened it and
/// <see cref="HeadRepository"/> the full name of the repository its head branch is in (a fork's, or the base's own).
/// </summary>
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
    IReadOnlyList<SimulatedReview> Reviews,
    string? Body,
    string Author,
    string HeadRepository);
