namespace GitBot.Core.Scheduling;

/// <summary>Jobs of one scheduler that are due and waiting for a slot.</summary>
/// <param name="Scheduler">The scheduler (Quartz <c>sched_name</c>), e.g. <c>GitBot</c> or the agent-task scheduler.</param>
/// <param name="Depth">Triggers waiting whose fire time has come.</param>
public sealed record QueuedJobs(string Scheduler, int Depth);
