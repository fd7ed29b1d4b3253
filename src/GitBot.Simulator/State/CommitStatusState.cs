namespace GitBot.Simulator.State;

/// <summary>A commit status (the older statuses API).</summary>
internal sealed record CommitStatusState(
    long Id, string Sha, string State, string Context, string? Description, string? TargetUrl, UserState Creator,
    DateTimeOffset CreatedAt);
