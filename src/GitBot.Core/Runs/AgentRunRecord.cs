namespace GitBot.Core.Runs;

/// <summary>One stored agent run. <see cref="State"/> is <c>Running</c> until it is finished, then the outcome name.</summary>
public sealed record AgentRunRecord(
    long Id,
    AgentRunSubject Subject,
    string Role,
    string Backend,
    string Node,
    string? LogPath,
    string State,
    int? ExitCode,
    int Turns,
    long InputTokens,
    long OutputTokens,
    decimal CostUsd,
    string? ExitReason,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt)
{
    /// <summary>The state of a run that has not finished.</summary>
    public const string RunningState = "Running";

    /// <summary>True while the run has not been finished.</summary>
    public bool IsRunning => FinishedAt is null;

    /// <summary>Wall time so far (to <paramref name="now"/>) or in all.</summary>
    public TimeSpan Duration(DateTimeOffset now) => (FinishedAt ?? now) - StartedAt;
}
