using GitBot.Core.Budgets;
using GitBot.Core.Plans;
using Microsoft.Extensions.Logging;

namespace GitBot.Workflows.Plans;

/// <summary>
/// The task-graph state machine over the plan store. Every change is decided on a fresh snapshot and applied only at
/// the version it was decided on; on a conflict (another node changed the plan) it is decided again. Jobs are
/// queued only after the change that makes a task Ready is committed, and queueing is idempotent, so a crash between
/// the two is repaired by the next <see cref="AdvanceAsync"/> (which re-queues every Ready task) or by start-up recovery.
/// </summary>
public sealed partial class PlanEngine(
    IPlanStore store,
    PlanJobScheduler jobs,
    PlanConfiguration configuration,
    PlanCommentPublisher comments,
    IIssueBudgetStore budgets,
    IIssueSpendingStore spending,
    TimeProvider time,
    ILogger<PlanEngine> logger)
{
    private const int MaxConflicts = 50;

    /// <summary>
    /// Applies <paramref name="decide"/> to the latest snapshot until it is written or decides nothing (null).
    /// </summary>
    public async Task<PlanUpdateResult> UpdateAsync(long planId, Func<PlanSnapshot, PlanChange?> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        for (var conflicts = 0; conflicts < MaxConflicts; conflicts++)
        {
            var snapshot = await store.GetAsync(planId, cancellationToken);
            if (snapshot is null)
            {
                return new PlanUpdateResult(null, false);
            }

            var change = decide(snapshot);
            if (change is null)
            {
                return new PlanUpdateResult(snapshot, false);
            }

            if (await store.ApplyAsync(change, cancellationToken))
            {
                return new PlanUpdateResult(Merge(snapshot, change), true);
            }

            LogConflict(logger, planId, change.ExpectedVersion);
        }

        throw new InvalidOperationException($"Plan {planId} changed under {MaxConflicts} consecutive decisions.");
    }

    /// <summary>
    /// Moves a running plan forward: blocks tasks whose predecessors did not succeed, queues the tasks whose
    /// predecessors all succeeded (up to the plan's parallel limit and within its budget), re-queues Ready tasks, and
    /// queues the plan's finish once every task is finished. Refreshes the plan comment. Safe to call any time.
    /// </summary>
    public async Task AdvanceAsync(long planId, CancellationToken cancellationToken)
    {
        // The issue's budget override (`/agent budget`) and what was spent outside this plan (earlier plans, fixes,
        // feedback, reviews), read once: a plan's repository and issue never change; this plan's own costs are summed
        // from the snapshot each decision is made on.
        var current = await store.GetAsync(planId, cancellationToken);
        var budgetOverride = current is null ? null : await budgets.FindAsync(current.Plan.Repository, current.Plan.IssueNumber, cancellationToken);
        var spentElsewhere = current is null ? 0m : await spending.GetSpentAsync(current.Plan.Repository, current.Plan.IssueNumber, planId, cancellationToken);
        var result = await UpdateAsync(planId, snapshot => DecideAdvance(snapshot, budgetOverride, spentElsewhere), cancellationToken);
        if (result.Snapshot is not { } snapshot || snapshot.Plan.State != PlanState.Running)
        {
            return;
        }

        foreach (var task in snapshot.Tasks.Where(t => t.State == TaskState.Ready))
        {
            await jobs.ScheduleTaskRunAsync(planId, task.Id, task.Attempt, TimeSpan.Zero, cancellationToken);
        }

        if (TaskGraph.IsComplete(snapshot.Tasks))
        {
            await jobs.ScheduleFinishAsync(planId, cancellationToken);
        }

        await comments.RefreshAsync(planId, cancellationToken);
    }

    private PlanChange? DecideAdvance(PlanSnapshot snapshot, IssueBudgetRecord? budgetOverride, decimal spentElsewhere)
    {
        if (snapshot.Plan.State != PlanState.Running)
        {
            return null;
        }

        var config = configuration.For(snapshot.Plan);
        var builder = new PlanChangeBuilder(snapshot, time.GetUtcNow(), "gitbot");
        foreach (var blocked in TaskGraph.NewlyBlocked(snapshot.Tasks))
        {
            builder.SetTask(builder.Task(blocked.TaskId) with { State = TaskState.Blocked, Reason = blocked.Reason, FinishedAt = builder.Now }, blocked.Reason);
        }

        var spent = spentElsewhere + builder.Tasks.Sum(t => t.CostUsd);
        var issueLimit = IssueBudgets.IssueLimit(config.Limits, budgetOverride);
        if (spent >= issueLimit)
        {
            // At the limit, running agents stop too: each run's watcher sees its task leave Running, kills the agent
            // and saves what it changed to the task's work-in-progress branch (TaskAgentStep), where a retry continues.
            foreach (var running in builder.Tasks.Where(t => t.State == TaskState.Running).ToList())
            {
                var stopped = IssueBudgets.SpentReason(issueLimit) + "; its run was stopped and its work so far saved";
                builder.SetTask(running with { State = TaskState.Blocked, Reason = stopped, FinishedAt = builder.Now }, stopped);
            }
        }

        foreach (var id in TaskGraph.NextToQueue(builder.Tasks, config.Limits.MaxParallelTasks))
        {
            var task = builder.Task(id);
            if (spent >= issueLimit)
            {
                var reason = IssueBudgets.SpentReason(issueLimit);
                builder.SetTask(task with { State = TaskState.Blocked, Reason = reason, FinishedAt = builder.Now }, reason);
                continue;
            }

            builder.SetTask(task with { State = TaskState.Ready, Attempt = task.Attempt + 1, Reason = null });
        }

        return builder.Build();
    }

    private static PlanSnapshot Merge(PlanSnapshot before, PlanChange change)
    {
        var changed = change.Tasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var tasks = before.Tasks.Select(t => changed.GetValueOrDefault(t.Id, t))
            .Concat(change.Tasks.Where(c => before.Tasks.All(t => t.Id != c.Id)))
            .OrderBy(t => t.Ordinal)
            .ToList();
        return new PlanSnapshot(change.Plan with { Version = change.ExpectedVersion + 1 }, tasks);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Plan {PlanId} moved on from version {Version}; deciding again")]
    private static partial void LogConflict(ILogger logger, long planId, int version);
}
