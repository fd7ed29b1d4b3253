namespace GitBot.Simulator.State;

/// <summary>
/// An inline comment on a diff line, belonging to a review: anchored on <see cref="Line"/> of <see cref="Side"/>
/// (optionally from <see cref="StartLine"/>), at legacy <see cref="Position"/> of the file's diff, with GitHub's
/// <see cref="DiffHunk"/> (the hunk up to that line).
/// </summary>
internal sealed record ReviewCommentState(
    long Id, long ReviewId, UserState User, string Path, int? Line, string Side, int? StartLine, string? StartSide, int Position,
    string DiffHunk, string Body, string CommitId, DateTimeOffset CreatedAt);
