namespace GitBot.Core.Plans;

/// <summary>A plan and its tasks (in <see cref="TaskRecord.Ordinal"/> order) as read at one version.</summary>
public sealed record PlanSnapshot(PlanRecord Plan, IReadOnlyList<TaskRecord> Tasks);
