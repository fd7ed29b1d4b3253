using System.Globalization;
using GitBot.Core.Auditing;
using GitBot.Core.Plans;

namespace GitBot.Workflows.Plans;

/// <summary>
/// Collects the changes one decision makes to a plan snapshot and records every state transition as an audit entry.
/// Guarantee: a task transition the state machine does not allow (<see cref="TaskGraph.IsTransitionAllowed"/>) is a
/// bug and throws, so no code path can move a task backwards by accident.
/// </summary>
public sealed class PlanChangeBuilder
{
    private readonly PlanSnapshot _snapshot;
    private readonly DateTimeOffset _now;
    private readonly string _actor;
    private readonly string? _deliveryId;
    private readonly Dictionary<string, TaskRecord> _changed = new(StringComparer.Ordinal);
    private readonly List<AuditEntry> _audit = [];

    public PlanChangeBuilder(PlanSnapshot snapshot, DateTimeOffset now, string actor, string? deliveryId = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _snapshot = snapshot;
        _now = now;
        _actor = actor;
        _deliveryId = deliveryId;
        Plan = snapshot.Plan;
    }

    /// <summary>The plan's values as changed so far.</summary>
    public PlanRecord Plan { get; private set; }

    /// <summary>When the decision is made.</summary>
    public DateTimeOffset Now => _now;

    /// <summary>Every task with the changes made so far, in plan order.</summary>
    public IReadOnlyList<TaskRecord> Tasks =>
        [.. _snapshot.Tasks.Select(t => _changed.GetValueOrDefault(t.Id, t)),
            .. _changed.Values.Where(c => _snapshot.Tasks.All(t => t.Id != c.Id)).OrderBy(c => c.Ordinal)];

    /// <summary>True when something changed.</summary>
    public bool HasChanges => _changed.Count > 0 || !ReferenceEquals(Plan, _snapshot.Plan);

    public TaskRecord Task(string taskId) =>
        _changed.GetValueOrDefault(taskId) ?? _snapshot.Tasks.First(t => t.Id == taskId);

    /// <summary>Adds a new task (state Pending).</summary>
    public void AddTask(TaskRecord task)
    {
        ArgumentNullException.ThrowIfNull(task);
        _changed[task.Id] = task;
    }

    /// <summary>Replaces a task's values; a state change is checked and audited.</summary>
    public void SetTask(TaskRecord updated, string? details = null)
    {
        ArgumentNullException.ThrowIfNull(updated);
        var current = Task(updated.Id);
        if (current.State != updated.State)
        {
            if (!TaskGraph.IsTransitionAllowed(current.State, updated.State))
            {
                throw new InvalidOperationException(
                    $"Task {updated.Id} of plan {Plan.Id} cannot go from {current.State} to {updated.State}.");
            }

            _audit.Add(new AuditEntry(_now, _actor, $"task.{Name(updated.State)}", $"{Subject}/{updated.Id}",
                Describe(current, updated, details), _deliveryId));
        }

        _changed[updated.Id] = updated;
    }

    /// <summary>Replaces the plan's values; a state change is audited.</summary>
    public void SetPlan(PlanRecord updated, string? details = null)
    {
        ArgumentNullException.ThrowIfNull(updated);
        if (updated.State != Plan.State)
        {
            _audit.Add(new AuditEntry(_now, _actor, $"plan.{Name(updated.State)}", Subject,
                details ?? $"{Plan.State} → {updated.State}", _deliveryId));
        }

        Plan = updated with { UpdatedAt = _now };
    }

    /// <summary>The change to apply, or null when nothing changed.</summary>
    public PlanChange? Build() =>
        HasChanges ? new PlanChange(_snapshot.Plan.Version, Plan, [.. _changed.Values], _audit) : null;

    private string Subject => $"{Plan.Repository}#{Plan.IssueNumber.ToString(CultureInfo.InvariantCulture)}";

    private static string Describe(TaskRecord from, TaskRecord to, string? details)
    {
        var text = $"{from.State} → {to.State} (attempt {to.Attempt.ToString(CultureInfo.InvariantCulture)})";
        return details is null ? text : $"{text}: {details}";
    }

    private static string Name<T>(T state)
        where T : struct, Enum
    {
        var text = state.ToString();
        return string.Concat(text.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
    }
}
