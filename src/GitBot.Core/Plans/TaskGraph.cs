namespace GitBot.Core.Plans;

/// <summary>
/// The rules of the task state machine and the decisions made from a plan's tasks: which transitions are legal, which
/// tasks to queue next, which can no longer run. Pure functions of the task list; the caller persists the outcome.
/// </summary>
public static class TaskGraph
{
    /// <summary>
    /// True when a task may move from <paramref name="from"/> to <paramref name="to"/>: Pending → Ready | Blocked |
    /// Cancelled; Ready → Running | Cancelled | Pending; Running → Succeeded | Failed | Cancelled | NeedsHuman | Ready (a
    /// retry) | Blocked (the budget is spent: the run is stopped or never starts its agent); Failed | Blocked |
    /// NeedsHuman | Cancelled → Pending (a human retry). Nothing else, and never to itself.
    /// </summary>
    public static bool IsTransitionAllowed(TaskState from, TaskState to) => (from, to) switch
    {
        (TaskState.Pending, TaskState.Ready or TaskState.Blocked or TaskState.Cancelled) => true,
        (TaskState.Ready, TaskState.Running or TaskState.Cancelled or TaskState.Pending) => true,
        (TaskState.Running, TaskState.Succeeded or TaskState.Failed or TaskState.Cancelled or TaskState.NeedsHuman or TaskState.Ready or TaskState.Blocked) => true,
        (TaskState.Failed or TaskState.Blocked or TaskState.NeedsHuman or TaskState.Cancelled, TaskState.Pending) => true,
        _ => false,
    };

    /// <summary>
    /// Ids of the pending tasks whose predecessors all succeeded, in <see cref="TaskRecord.Ordinal"/> order, no more than
    /// leave Ready + Running + returned ≤ <paramref name="maxParallel"/>. A dependency on an id not in the list never
    /// counts as succeeded.
    /// </summary>
    public static IReadOnlyList<string> NextToQueue(IReadOnlyList<TaskRecord> tasks, int maxParallel)
    {
        var free = maxParallel - tasks.Count(t => t.State is TaskState.Ready or TaskState.Running);
        if (free <= 0)
        {
            return [];
        }

        var succeeded = tasks.Where(t => t.State == TaskState.Succeeded).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        return tasks
            .Where(t => t.State == TaskState.Pending && t.Definition.DependsOn.All(succeeded.Contains))
            .OrderBy(t => t.Ordinal)
            .Take(free)
            .Select(t => t.Id)
            .ToList();
    }

    /// <summary>
    /// The pending tasks that can never run: a predecessor failed, was cancelled, is blocked or needs a human — or is
    /// itself newly blocked (transitively). In <see cref="TaskRecord.Ordinal"/> order; the reason names the first such
    /// predecessor in the task's dependency order.
    /// </summary>
    public static IReadOnlyList<BlockedTask> NewlyBlocked(IReadOnlyList<TaskRecord> tasks)
    {
        var byId = new Dictionary<string, TaskRecord>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            byId.TryAdd(task.Id, task);
        }

        var blocked = new Dictionary<string, string>(StringComparer.Ordinal);
        bool changed;
        do
        {
            changed = false;
            foreach (var task in tasks.Where(t => t.State == TaskState.Pending && !blocked.ContainsKey(t.Id)).OrderBy(t => t.Ordinal))
            {
                var reason = task.Definition.DependsOn
                    .Where(byId.ContainsKey)
                    .Select(id => ReasonFrom(byId[id], blocked.ContainsKey(id)))
                    .FirstOrDefault(r => r is not null);
                if (reason is not null)
                {
                    blocked[task.Id] = reason;
                    changed = true;
                }
            }
        }
        while (changed);

        return tasks
            .Where(t => blocked.ContainsKey(t.Id) && t.State == TaskState.Pending)
            .OrderBy(t => t.Ordinal)
            .Select(t => new BlockedTask(t.Id, blocked[t.Id]))
            .ToList();
    }

    /// <summary>True when every task is in a state it never leaves on its own (true for no tasks).</summary>
    public static bool IsComplete(IReadOnlyList<TaskRecord> tasks) => tasks.All(t => t.IsFinished);

    /// <summary>True when there is at least one task and every task succeeded (then the pull request opens).</summary>
    public static bool AllSucceeded(IReadOnlyList<TaskRecord> tasks) =>
        tasks.Count > 0 && tasks.All(t => t.State == TaskState.Succeeded);

    private static string? ReasonFrom(TaskRecord predecessor, bool newlyBlocked)
    {
        var name = $"task {predecessor.Id} ({predecessor.Definition.Title})";
        return newlyBlocked ? name + " is blocked" : predecessor.State switch
        {
            TaskState.Failed => name + " failed",
            TaskState.Cancelled => name + " was cancelled",
            TaskState.Blocked => name + " is blocked",
            TaskState.NeedsHuman => name + " needs a human",
            _ => null,
        };
    }
}
