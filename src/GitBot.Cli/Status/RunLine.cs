namespace GitBot.Cli.Status;

/// <summary>One agent run of an issue, as <c>gitbot status</c> shows it (the dashboard's runs table in the terminal).</summary>
internal sealed record RunLine(
    long Id,
    string Kind,
    string Role,
    string? TaskId,
    int Attempt,
    string Node,
    string State,
    DateTimeOffset StartedAt,
    double DurationSeconds,
    int Turns,
    long InputTokens,
    long OutputTokens,
    decimal CostUsd,
    string? ExitReason);
