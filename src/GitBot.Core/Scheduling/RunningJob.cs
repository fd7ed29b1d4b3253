namespace GitBot.Core.Scheduling;

/// <summary>A job executing now.</summary>
/// <param name="Scheduler">The scheduler it runs on.</param>
/// <param name="JobGroup">Its job group.</param>
/// <param name="JobName">Its job name.</param>
/// <param name="InstanceId">The scheduler instance running it (clustered: node name plus a suffix; SQLite: <c>NON_CLUSTERED</c>).</param>
/// <param name="FiredAt">When it fired.</param>
public sealed record RunningJob(string Scheduler, string JobGroup, string JobName, string InstanceId, DateTimeOffset FiredAt);
