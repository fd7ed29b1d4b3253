namespace GitBot.Core.Plans;

/// <summary>A pending task that can never run because a predecessor did not succeed.</summary>
/// <param name="TaskId">The task to mark <see cref="TaskState.Blocked"/>.</param>
/// <param name="Reason">Which predecessor and what happened to it, e.g. <c>task 1 (Add API) failed</c>.</param>
public sealed record BlockedTask(string TaskId, string Reason);
