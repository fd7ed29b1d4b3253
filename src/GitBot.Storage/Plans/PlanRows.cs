using System.Globalization;
using System.Text.Json;
using GitBot.Core.Auditing;
using GitBot.Core.Plans;

namespace GitBot.Storage.Plans;

/// <summary>A <c>plans</c> row as Dapper reads it.</summary>
internal sealed class PlanRow
{
    public long Id { get; set; }
    public long InstallationId { get; set; }
    public string Repository { get; set; } = "";
    public int IssueNumber { get; set; }
    public string IssueTitle { get; set; } = "";
    public string State { get; set; } = "";
    public int Version { get; set; }
    public string TriggerLabel { get; set; } = "";
    public string RequestedBy { get; set; } = "";
    public string DefaultBranch { get; set; } = "";
    public string CloneUrl { get; set; } = "";
    public string ConfigSnapshot { get; set; } = "";
    public long? PlanCommentId { get; set; }
    public int? PullRequestNumber { get; set; }
    public string? Reason { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }

    public PlanRecord ToRecord() => new(
        Id,
        InstallationId,
        Repository,
        IssueNumber,
        IssueTitle,
        Enum.Parse<PlanState>(State),
        Version,
        TriggerLabel,
        RequestedBy,
        DefaultBranch,
        CloneUrl,
        ConfigSnapshot,
        PlanCommentId,
        PullRequestNumber,
        Reason,
        DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
        DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAt));
}

/// <summary>A <c>plan_tasks</c> row as Dapper reads it and as it is written (cost as invariant decimal text).</summary>
internal sealed class TaskRow
{
    public long PlanId { get; set; }
    public string TaskId { get; set; } = "";
    public int Ordinal { get; set; }
    public string Title { get; set; } = "";
    public string Role { get; set; } = "";
    public string Instructions { get; set; } = "";
    public string DependsOn { get; set; } = "[]";
    public string Files { get; set; } = "[]";
    public string State { get; set; } = "";
    public int Attempt { get; set; }
    public long? StartedAt { get; set; }
    public long? FinishedAt { get; set; }
    public string CostUsd { get; set; } = "0";
    public string? CommitSha { get; set; }
    public string? Reason { get; set; }
    public string? LogPath { get; set; }
    public string? Node { get; set; }

    public static TaskRow From(TaskRecord task) => new()
    {
        PlanId = task.PlanId,
        TaskId = task.Definition.Id,
        Ordinal = task.Ordinal,
        Title = task.Definition.Title,
        Role = task.Definition.Role,
        Instructions = task.Definition.Instructions,
        DependsOn = JsonSerializer.Serialize(task.Definition.DependsOn.ToArray(), PlanJsonContext.Default.StringArray),
        Files = JsonSerializer.Serialize(task.Definition.Files.ToArray(), PlanJsonContext.Default.StringArray),
        State = task.State.ToString(),
        Attempt = task.Attempt,
        StartedAt = task.StartedAt?.ToUnixTimeMilliseconds(),
        FinishedAt = task.FinishedAt?.ToUnixTimeMilliseconds(),
        CostUsd = task.CostUsd.ToString(CultureInfo.InvariantCulture),
        CommitSha = task.CommitSha,
        Reason = task.Reason,
        LogPath = task.LogPath,
        Node = task.Node,
    };

    public TaskRecord ToRecord() => new(
        PlanId,
        Ordinal,
        new PlannedTask(TaskId, Title, Role, Instructions, ReadList(DependsOn), ReadList(Files)),
        Enum.Parse<TaskState>(State),
        Attempt,
        StartedAt is long started ? DateTimeOffset.FromUnixTimeMilliseconds(started) : null,
        FinishedAt is long finished ? DateTimeOffset.FromUnixTimeMilliseconds(finished) : null,
        decimal.Parse(CostUsd, NumberStyles.Float, CultureInfo.InvariantCulture),
        CommitSha,
        Reason,
        LogPath,
        Node);

    private static string[] ReadList(string json) => JsonSerializer.Deserialize(json, PlanJsonContext.Default.StringArray) ?? [];
}

/// <summary>An <c>audit_log</c> row as written (the columns <see cref="Auditing.SqlAuditLog"/> uses).</summary>
internal sealed record AuditRow(long At, string Actor, string Action, string Subject, string? Details, string? DeliveryId)
{
    public static AuditRow From(AuditEntry entry) =>
        new(entry.At.ToUnixTimeMilliseconds(), entry.Actor, entry.Action, entry.Subject, entry.Details, entry.DeliveryId);
}
