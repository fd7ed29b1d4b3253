using GitBot.Core.Auditing;

namespace GitBot.Core.Plans;

/// <summary>
/// A change to a plan computed from the snapshot at <see cref="ExpectedVersion"/>: the plan's new values, the task
/// rows that are new or changed (matched by plan id and task id), and the audit entries that record each transition.
/// A store applies all of it in one transaction, or none of it when the plan is no longer at that version.
/// </summary>
public sealed record PlanChange(
    int ExpectedVersion,
    PlanRecord Plan,
    IReadOnlyList<TaskRecord> Tasks,
    IReadOnlyList<AuditEntry> Audit);
