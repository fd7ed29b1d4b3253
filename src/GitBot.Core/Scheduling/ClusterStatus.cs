namespace GitBot.Core.Scheduling;

/// <summary>The job engine at one moment: queue depth per scheduler, jobs executing, and the nodes.</summary>
/// <param name="Queued">One entry per scheduler that has triggers or running jobs (depth 0 when nothing is due), ordered by name.</param>
/// <param name="Running">Executing jobs, oldest first.</param>
/// <param name="Nodes">Known processes, alive ones first, then by node name.</param>
/// <param name="At">When the status was read.</param>
public sealed record ClusterStatus(
    IReadOnlyList<QueuedJobs> Queued,
    IReadOnlyList<RunningJob> Running,
    IReadOnlyList<WorkerNode> Nodes,
    DateTimeOffset At)
{
    /// <summary>Jobs due and waiting over all schedulers.</summary>
    public int QueueDepth => Queued.Sum(q => q.Depth);

    /// <summary>Nodes alive now.</summary>
    public int AliveNodes => Nodes.Count(n => n.Alive);
}
