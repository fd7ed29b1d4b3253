namespace GitBot.Core.Runs;

/// <summary>A run about to start: recorded as <c>Running</c> before its process starts.</summary>
/// <param name="Subject">What it works for.</param>
/// <param name="Role">The role name.</param>
/// <param name="Backend">The backend name (e.g. <c>claude-code</c>).</param>
/// <param name="Node">The node (<c>Scheduler:NodeName</c>) running it.</param>
/// <param name="LogPath">Its log file on that node, when it has one.</param>
/// <param name="StartedAt">When it started.</param>
public sealed record AgentRunStart(
    AgentRunSubject Subject,
    string Role,
    string Backend,
    string Node,
    string? LogPath,
    DateTimeOffset StartedAt);
