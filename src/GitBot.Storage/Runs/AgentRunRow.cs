using System.Globalization;
using GitBot.Core.Runs;

namespace GitBot.Storage.Runs;

/// <summary>An <c>agent_runs</c> row as Dapper reads it (cost as invariant decimal text on both providers).</summary>
internal sealed class AgentRunRow
{
    public long Id { get; set; }
    public string Repository { get; set; } = "";
    public int? IssueNumber { get; set; }
    public int? PullNumber { get; set; }
    public long? PlanId { get; set; }
    public string? TaskId { get; set; }
    public int Attempt { get; set; }
    public string Kind { get; set; } = "";
    public string Role { get; set; } = "";
    public string Backend { get; set; } = "";
    public string Node { get; set; } = "";
    public string? LogPath { get; set; }
    public string State { get; set; } = "";
    public int? ExitCode { get; set; }
    public int Turns { get; set; }
    public long InputTokens { get; set; }
    public long OutputTokens { get; set; }
    public string CostUsd { get; set; } = "0";
    public string? ExitReason { get; set; }
    public long StartedAt { get; set; }
    public long? FinishedAt { get; set; }

    public AgentRunRecord ToRecord() => new(
        Id,
        new AgentRunSubject(Repository, Enum.Parse<AgentRunKind>(Kind), IssueNumber, PullNumber, PlanId, TaskId, Attempt),
        Role,
        Backend,
        Node,
        LogPath,
        State,
        ExitCode,
        Turns,
        InputTokens,
        OutputTokens,
        decimal.Parse(CostUsd, NumberStyles.Float, CultureInfo.InvariantCulture),
        ExitReason,
        DateTimeOffset.FromUnixTimeMilliseconds(StartedAt),
        FinishedAt is { } finished ? DateTimeOffset.FromUnixTimeMilliseconds(finished) : null);
}
