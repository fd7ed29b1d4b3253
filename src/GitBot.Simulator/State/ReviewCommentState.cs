namespace GitBot.Simulator.State;

/// <summary>An inline comment on a diff line, belonging to a review.</summary>
internal sealed record ReviewCommentState(
    long Id, long ReviewId, UserState User, string Path, int? Line, string? Side, int? Position, string Body,
    string CommitId, DateTimeOffset CreatedAt);
