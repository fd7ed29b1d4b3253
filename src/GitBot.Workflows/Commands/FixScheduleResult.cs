namespace GitBot.Workflows.Commands;

/// <summary>The status, and the request of the job already there (null when <see cref="FixScheduleStatus.Queued"/>).</summary>
public sealed record FixScheduleResult(FixScheduleStatus Status, FixRequest? Existing);
