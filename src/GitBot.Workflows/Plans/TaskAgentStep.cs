using System.Globalization;
using GitBot.Agents.Runs;
using GitBot.Core.Plans;
using GitBot.Core.Plans.Prompts;
using GitBot.Core.Runs;
using GitBot.Git.Repositories;

namespace GitBot.Workflows.Plans;

/// <summary>
/// The part of a task run that happens in a worktree: make the worktree on the task branch from the integration
/// branch (or from the work in progress an earlier run of the same task saved, so a retry continues it), run the
/// role's agent in it, commit what it changed with the bot identity and a trailer naming the task, and push the task
/// branch. A run that is stopped (cancelled, or at the budget) commits what the agent left to the task's
/// work-in-progress branch. The worktree is always given back, whatever happens (in the background: see
/// <see cref="WorktreeHousekeeper"/>).
/// </summary>
public sealed class TaskAgentStep(
    WorktreeManager worktrees,
    WorkspaceCommitter committer,
    BranchPusher pusher,
    BranchInspector inspector,
    IAgentRunner agents,
    WorktreeHousekeeper housekeeper)
{
    /// <summary>The trailer that names a task's commit; a re-run finds the commit by it instead of running again.</summary>
    public const string TaskTrailer = "GitBot-Task";

    /// <summary>The trailer that names the agent (role and backend) that made a commit.</summary>
    public const string AgentTrailer = "GitBot-Agent";

    /// <summary>The trailer that names a stopped run's work-in-progress commit (never <see cref="TaskTrailer"/>: that would mark the task done).</summary>
    public const string WorkInProgressTrailer = "GitBot-WIP";

    public static string TrailerValue(long planId, string taskId) => $"{planId.ToString(CultureInfo.InvariantCulture)}/{taskId}";

    /// <summary>
    /// Where a stopped run's uncommitted work is pushed, e.g. <c>gitbot/12-tasks/3-wip</c>. Not the task branch, which
    /// only ever holds a finished task's commit (a re-run finds it by its trailer and skips the agent). A later run of
    /// the same task of the same plan starts from this branch when its newest commit is that task's work in progress.
    /// </summary>
    public static string WorkInProgressBranch(string taskBranch) => taskBranch + "-wip";

    public async Task<TaskOutcome> RunAsync(TaskStepInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (plan, config, task, role) = (input.Plan, input.Config, input.Task, input.Role);
        var integration = PlanConfiguration.IntegrationBranch(config, plan);
        var branch = PlanConfiguration.TaskBranch(config, plan, task.Id);
        var resumedFrom = await FindWorkInProgressAsync(input, branch, cancellationToken);
        var created = await worktrees.CreateAsync(input.CachePath, branch, resumedFrom ?? $"refs/remotes/origin/{integration}", cancellationToken);
        if (!created.Succeeded)
        {
            return TaskOutcome.Fail($"could not prepare a worktree: {created.Error}", retryable: true, 0m);
        }

        var worktree = created.Value!;
        try
        {
            var prompt = TaskPromptBuilder.Build(plan, input.IssueBody, task, input.Predecessors, resumedFrom);
            // IssueBudgetUsd here is already the issue's override when one is set (TaskRunner puts it there).
            var budget = Core.Budgets.IssueBudgets.TaskLimit(config.Limits, config.Limits.IssueBudgetUsd, input.SpentUsd);
            var request = new AgentRunRequest(
                $"{plan.Repository}#{plan.IssueNumber.ToString(CultureInfo.InvariantCulture)}/{task.Id}/{task.Attempt.ToString(CultureInfo.InvariantCulture)}",
                role, prompt, worktree.Path, input.LogPath, config.Limits.MaxTurns, budget, config.Limits.TaskTimeout)
            {
                Subject = new AgentRunSubject(plan.Repository, AgentRunKind.Task, plan.IssueNumber, PlanId: plan.Id, TaskId: task.Id,
                    Attempt: Math.Max(1, task.Attempt)),
            };
            var result = await agents.RunAsync(request, cancellationToken);
            if (result.Outcome == AgentOutcome.Cancelled)
            {
                await SaveWorkInProgressAsync(input, worktree, branch);
                return new TaskOutcome(TaskState.Cancelled, "the run was stopped", false, result.CostUsd, null);
            }

            if (result.Outcome == AgentOutcome.BudgetExceeded)
            {
                // The CLI stopped itself at the run's budget. When the run spent what was left of the issue's budget, the
                // issue is out of money: the task is blocked (no retry spends more) and its work waits on the WIP branch.
                // Otherwise it hit the per-task budget, a failure like any other (retried when retries are left).
                var saved = await SaveWorkInProgressAsync(input, worktree, branch);
                var where = saved is null ? string.Empty : $"; its work so far is on the branch {saved}";
                return result.CostUsd >= Core.Budgets.IssueBudgets.Remaining(config.Limits.IssueBudgetUsd, input.SpentUsd)
                    ? new TaskOutcome(TaskState.Blocked, Core.Budgets.IssueBudgets.SpentReason(config.Limits.IssueBudgetUsd) + where, false, result.CostUsd, null)
                    : TaskOutcome.Fail(AgentRunDescription.Describe(result, config.Limits) + where, retryable: true, result.CostUsd);
            }

            if (!result.Succeeded)
            {
                return TaskOutcome.Fail(AgentRunDescription.Describe(result, config.Limits), retryable: result.Outcome != AgentOutcome.FailedToStart, result.CostUsd);
            }

            var trailers = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [TaskTrailer] = TrailerValue(plan.Id, task.Id),
                [AgentTrailer] = $"{role.Name} ({role.Backend})",
            };
            var message = $"{task.Definition.Title}\n\nTask {task.Id} of #{plan.IssueNumber.ToString(CultureInfo.InvariantCulture)}: {plan.IssueTitle}";
            var commit = await committer.CommitAllAsync(worktree, new CommitRequest(message, trailers, config.AllowWorkflowChanges), cancellationToken);
            if (!commit.Succeeded)
            {
                return TaskOutcome.Fail($"committing the agent's work failed: {commit.Error}", retryable: true, result.CostUsd);
            }

            var outcome = commit.Value!;
            if (outcome.RefusedFiles.Count > 0)
            {
                return TaskOutcome.Fail(
                    $"the agent changed files it may not change: {string.Join(", ", outcome.RefusedFiles)} (workflow files need `allow_workflow_changes: true`; conflict markers are never committed)",
                    retryable: false, result.CostUsd);
            }

            if (outcome.Sha is null)
            {
                return new TaskOutcome(TaskState.Succeeded, "the agent changed nothing", false, result.CostUsd, null);
            }

            var push = await pusher.PushAsync(input.CachePath, outcome.Sha, branch, plan.DefaultBranch, config.BranchPrefix + "/", input.Credential, cancellationToken);
            if (!push.Succeeded || push.Value == PushStatus.Rejected)
            {
                var why = push.Succeeded ? $"{branch} on GitHub holds commits this run does not have" : push.Error;
                return TaskOutcome.Fail($"pushing {branch} failed: {why}", retryable: false, result.CostUsd);
            }

            return new TaskOutcome(TaskState.Succeeded, null, false, result.CostUsd, outcome.Sha);
        }
        finally
        {
            housekeeper.Return(worktree);
        }
    }

    /// <summary>
    /// The newest commit of the task's <see cref="WorkInProgressBranch"/> when it is this plan's and task's work in
    /// progress (its <see cref="WorkInProgressTrailer"/> names them), else null: a later run continues from it.
    /// </summary>
    private async Task<string?> FindWorkInProgressAsync(TaskStepInput input, string taskBranch, CancellationToken cancellationToken)
    {
        var reference = $"refs/remotes/origin/{WorkInProgressBranch(taskBranch)}";
        var tip = await inspector.ResolveAsync(input.CachePath, reference, cancellationToken);
        if (tip is null)
        {
            return null;
        }

        var saved = await inspector.FindCommitWithTrailerAsync(input.CachePath, reference, WorkInProgressTrailer,
            TrailerValue(input.Plan.Id, input.Task.Id), cancellationToken);
        return string.Equals(saved, tip, StringComparison.Ordinal) ? tip : null;
    }

    /// <summary>
    /// Commits what a stopped agent left in the worktree (same refusals as a task commit) and pushes it to
    /// <see cref="WorkInProgressBranch"/>; returns that branch when something was pushed. Best effort: the run's token
    /// may be cancelled already, so git runs without it (bounded by the process runner's own limits); a failure leaves
    /// the work uncommitted, as before.
    /// </summary>
    private async Task<string?> SaveWorkInProgressAsync(TaskStepInput input, Worktree worktree, string taskBranch)
    {
        var (plan, config, task) = (input.Plan, input.Config, input.Task);
        var trailers = new Dictionary<string, string>(StringComparer.Ordinal) { [WorkInProgressTrailer] = TrailerValue(plan.Id, task.Id) };
        var message = $"WIP: {task.Definition.Title}\n\nWork in progress of task {task.Id} of #{plan.IssueNumber.ToString(CultureInfo.InvariantCulture)}, saved when its run was stopped.";
        var commit = await committer.CommitAllAsync(worktree, new CommitRequest(message, trailers, config.AllowWorkflowChanges), CancellationToken.None);
        if (!commit.Succeeded || commit.Value!.Sha is not { } sha || commit.Value.Refused)
        {
            return null;
        }

        var branch = WorkInProgressBranch(taskBranch);
        var push = await pusher.PushAsync(input.CachePath, sha, branch, plan.DefaultBranch, config.BranchPrefix + "/", input.Credential, CancellationToken.None);
        return push.Succeeded && push.Value != PushStatus.Rejected ? branch : null;
    }
}
