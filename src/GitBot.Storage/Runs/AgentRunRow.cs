using System.Globalization;
using GitBot.Core.Runs;

namespace GitBot.Storage.Runs;

/// <summary>An <c>agent_runs</c> row as Dapper reads it (cost as invariant decimal text on both providers).</summary>
internal sealed class AgentRunRow
{
    /// <summary>The select list for this row over <c>agent_runs</c> named <paramref name="alias"/> (cost cast to text on PostgreSQL).</summary>
    public static string Select(bool postgres, string alias = "r") =>
        $"{alias}.id AS Id, {alias}.repository AS Repository, {alias}.issue_number AS IssueNumber, {alias}.pull_number AS PullNumber, " +
        $"{alias}.plan_id AS PlanId, {alias}.task_id AS TaskId, {alias}.attempt AS Attempt, {alias}.kind AS Kind, {alias}.role AS Role, " +
        $"{alias}.backend AS Backend, {alias}.node AS Node, {alias}.log_path AS LogPath, {alias}.state AS State, {alias}.exit_code AS ExitCode, " +
        $"{alias}.turns AS Turns, {alias}.input_tokens AS InputTokens, {alias}.output_tokens AS OutputTokens, " +
        (postgres ? $"CAST({alias}.cost_usd AS text)" : $"{alias}.cost_usd") + " AS CostUsd, " +
        $"{alias}.exit_reason AS ExitReason, {alias}.started_at AS StartedAt, {alias}.finished_at AS FinishedAt";

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
        new AgentRunSubject(Repository, Enum.TryParse<AgentRunKind>(Kind, out var kind) ? kind : AgentRunKind.Task, IssueNumber, PullNumber, PlanId, TaskId, Attempt),
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
