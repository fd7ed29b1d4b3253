using System.Globalization;
using GitBot.Core.Dashboard;
using GitBot.Core.Reviews.Runs;
using GitBot.Core.Runs;

namespace GitBot.Storage.Dashboard;

/// <summary>An <c>agent_runs</c> row as the dashboard reads it (cost as invariant decimal text on both providers).</summary>
internal sealed class DashboardRunRow
{
    private const string Head =
        "id AS Id, repository AS Repository, issue_number AS IssueNumber, pull_number AS PullNumber, plan_id AS PlanId, " +
        "task_id AS TaskId, attempt AS Attempt, kind AS Kind, role AS Role, backend AS Backend, node AS Node, " +
        "log_path AS LogPath, state AS State, exit_code AS ExitCode, turns AS Turns, input_tokens AS InputTokens, " +
        "output_tokens AS OutputTokens, ";

    private const string Tail = " AS CostUsd, exit_reason AS ExitReason, started_at AS StartedAt, finished_at AS FinishedAt";

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

    public static string Select(bool postgres) => Head + (postgres ? "CAST(cost_usd AS text)" : "cost_usd") + Tail;

    public AgentRunRecord ToRecord() => new(
        Id,
        new AgentRunSubject(
            Repository,
            Enum.TryParse<AgentRunKind>(Kind, out var kind) ? kind : AgentRunKind.Task,
            IssueNumber,
            PullNumber,
            PlanId,
            TaskId,
            Attempt),
        Role,
        Backend,
        Node,
        LogPath,
        State,
        ExitCode,
        Turns,
        InputTokens,
        OutputTokens,
        DashboardNumbers.Decimal(CostUsd),
        ExitReason,
        DateTimeOffset.FromUnixTimeMilliseconds(StartedAt),
        FinishedAt is { } finished ? DateTimeOffset.FromUnixTimeMilliseconds(finished) : null);
}

/// <summary>A key and a cost (a sum on PostgreSQL, one run's cost on SQLite), both as text.</summary>
internal sealed class KeyCostRow
{
    public string Key { get; set; } = "";
    public string? Cost { get; set; }
}

/// <summary>A key and a count.</summary>
internal sealed class KeyCountRow
{
    public string Key { get; set; } = "";
    public long Count { get; set; }
}

/// <summary>A repository's plan counts.</summary>
internal sealed class PlanCountRow
{
    public string Repository { get; set; } = "";
    public long Active { get; set; }
    public long Finished { get; set; }
}

/// <summary>The newest plan of an issue, as the issue list shows it.</summary>
internal sealed class IssuePlanRow
{
    public long Id { get; set; }
    public int IssueNumber { get; set; }
    public string IssueTitle { get; set; } = "";
    public string State { get; set; } = "";
    public int? PullRequestNumber { get; set; }
    public long UpdatedAt { get; set; }
}

/// <summary>A task's plan and state.</summary>
internal sealed class TaskStateRow
{
    public long PlanId { get; set; }
    public string State { get; set; } = "";
}

/// <summary>A <c>review_runs</c> row as the dashboard reads it.</summary>
internal sealed class ReviewCheckRow
{
    public long Id { get; set; }
    public string Agent { get; set; } = "";
    public string HeadSha { get; set; } = "";
    public string State { get; set; } = "";
    public string? Conclusion { get; set; }
    public string? Title { get; set; }
    public long UpdatedAt { get; set; }

    public ReviewCheck ToCheck() => new(
        Agent.ToLowerInvariant(),
        HeadSha,
        State switch
        {
            nameof(ReviewRunState.Queued) => "queued",
            nameof(ReviewRunState.Running) => "in_progress",
            _ => "completed",
        },
        State == nameof(ReviewRunState.Completed) ? Conclusion?.ToLowerInvariant() : null,
        Title,
        DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAt));
}

/// <summary>The plan part of a fingerprint.</summary>
internal sealed class FingerprintPlanRow
{
    public long Id { get; set; }
    public int Version { get; set; }
    public long UpdatedAt { get; set; }
    public int? PullRequestNumber { get; set; }
}

/// <summary>The runs part of a fingerprint.</summary>
internal sealed class FingerprintRunsRow
{
    public long Count { get; set; }
    public long? MaxId { get; set; }
    public long Finished { get; set; }
}

/// <summary>Exact decimals from invariant text.</summary>
internal static class DashboardNumbers
{
    public static decimal Decimal(string? text) =>
        string.IsNullOrEmpty(text) ? 0m : decimal.Parse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
}
