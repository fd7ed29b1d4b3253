namespace GitBot.Simulator;

/// <summary>A snapshot of an issue (or a pull request's conversation) for assertions.</summary>
public sealed record SimulatedIssue(
    int Number,
    string Title,
    string? Body,
    string State,
    IReadOnlyList<string> Labels,
    IReadOnlyList<SimulatedComment> Comments,
    IReadOnlyList<string> Reactions,
    bool IsPullRequest);
