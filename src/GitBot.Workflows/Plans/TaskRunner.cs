using System.Globalization;
using GitBot.Agents.Backends;
using GitBot.Core.Budgets;
using GitBot.Core.Plans;
using GitBot.Git.Repositories;
using GitBot.GitHub.Clients;
using GitBot.Workflows.Scheduling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitBot.Workflows.Plans;

/// <summary>
/// Runs one attempt of one task, start to end. Idempotent: the attempt is claimed with a versioned write
/// (Ready → Running), a re-run of the same attempt (a node died mid-task and Quartz recovered the job elsewhere)
/// resumes it, and the steps skip what is already done — a task commit already pushed (found by its trailer) is not
/// made again, a merge already in the integration branch is not repeated — so a task completes exactly once.
/// </summary>
public sealed partial class TaskRunner(
    IPlanStore store,
    PlanEngine engine,
    PlanConfiguration configuration,
    GitHubClientFactory github,
    MirrorCache mirrors,
    BranchInspector inspector,
    TaskAgentStep agentStep,
    IntegrationMerger merger,
    Executors.ActionsTaskDispatcher actions,
    IIssueBudgetStore budgets,
    IIssueSpendingStore spending,
    PlanJobScheduler jobs,
    IOptions<PlanOptions> planOptions,
    IOptions<AgentOptions> agentOptions,
    IOptions<SchedulerOptions> schedulerOptions,
    TimeProvider time,
    ILogger<TaskRunner> logger)
{
    /// <summary>The reason of a run stopped because its node is shutting down; such a run is handed back, not failed.</summary>
    private const string HandBackReason = "the worker stopped during the run";

    public async Task RunAsync(long planId, string taskId, int attempt, CancellationToken cancellationToken)
    {
        var node = schedulerOptions.Value.NodeName;
        var logPath = Path.GetFullPath(Path.Combine(agentOptions.Value.LogRoot, "plans",
            planId.ToString(CultureInfo.InvariantCulture), $"{taskId}-{attempt.ToString(CultureInfo.InvariantCulture)}.log"));
        var claim = await engine.UpdateAsync(planId, snapshot => Claim(snapshot, taskId, attempt, node, logPath), cancellationToken);
        var task = claim.Snapshot?.Tasks.FirstOrDefault(t => t.Id == taskId);
        if (claim.Snapshot is not { } snapshot || task is null || task.State != TaskState.Running || task.Attempt != attempt
            || snapshot.Plan.State != PlanState.Running)
        {
            LogStale(logger, planId, taskId, attempt);
            return;
        }

        if (!claim.Applied)
        {
            // A recovered run (the node that claimed it died): the task and its log are now this node's.
            LogResumed(logger, planId, taskId, attempt, node);
            var resumed = await engine.UpdateAsync(planId, current => Resume(current, taskId, attempt, node, logPath), cancellationToken);
            snapshot = resumed.Snapshot ?? snapshot;
            task = snapshot.Tasks.FirstOrDefault(t => t.Id == taskId) ?? task;
        }

        LogStarted(logger, planId, taskId, attempt, node);
        await engine.AdvanceAsync(planId, cancellationToken); // refreshes the plan comment: the task shows as running
        if (configuration.For(snapshot.Plan) is { Executor.Kind: Core.Executors.ExecutorKind.Actions } actionsConfig)
        {
            // The repository's runners do the work: the task stays Running until one reports (Executors.RunnerCallbackHandler).
            if (await actions.DispatchAsync(snapshot, task, actionsConfig, cancellationToken) is { } notDispatched)
            {
                await FinishAsync(planId, taskId, attempt, notDispatched, CancellationToken.None);
            }

            return;
        }

        await using var watcher = TaskRunWatcher.Start(store, planId, taskId, attempt, planOptions.Value.CancellationPollInterval, time, cancellationToken);
        TaskOutcome outcome;
        try
        {
            outcome = await RunStepsAsync(snapshot, task, logPath, watcher.Token);
        }
        catch (OperationCanceledException) when (watcher.Superseded || cancellationToken.IsCancellationRequested)
        {
            outcome = new TaskOutcome(TaskState.Cancelled, "the run was stopped", false, 0m, null);
        }

        if (watcher.Superseded)
        {
            LogSuperseded(logger, planId, taskId, attempt);
            return; // The plan was cancelled or the task taken over: its state is no longer this run's to write.
        }

        if (outcome.State == TaskState.Cancelled && cancellationToken.IsCancellationRequested)
        {
            // This node is stopping: hand the task to another run rather than leave it Running with no job.
            outcome = TaskOutcome.Fail(HandBackReason, retryable: true, outcome.CostUsd);
        }

        await FinishAsync(planId, taskId, attempt, outcome, CancellationToken.None);
    }

    private async Task<TaskOutcome> RunStepsAsync(PlanSnapshot snapshot, TaskRecord task, string logPath, CancellationToken cancellationToken)
    {
        var plan = snapshot.Plan;
        var config = configuration.For(plan);
        if (!config.Roles.TryGetValue(task.Definition.Role, out var role))
        {
            return TaskOutcome.Fail($"role `{task.Definition.Role}` is not defined", retryable: false, 0m);
        }

        var client = github.ForInstallation(plan.InstallationId);
        var token = await client.Credentials.GetTokenAsync(cancellationToken);
        if (!token.TryGetValue(out var tokenValue))
        {
            return TaskOutcome.Fail($"no GitHub token for the installation: {token.Error!.Message}", retryable: true, 0m);
        }

        var credential = new GitCredential(tokenValue);
        var cache = await mirrors.EnsureAsync(plan.Repository, plan.CloneUrl, credential, cancellationToken);
        if (!cache.Succeeded)
        {
            return TaskOutcome.Fail($"fetching {plan.Repository} failed: {cache.Error}", retryable: true, 0m);
        }

        var cachePath = cache.Value!;
        var taskBranch = PlanConfiguration.TaskBranch(config, plan, task.Id);
        var done = await inspector.FindCommitWithTrailerAsync(cachePath, $"refs/remotes/origin/{taskBranch}",
            TaskAgentStep.TaskTrailer, TaskAgentStep.TrailerValue(plan.Id, task.Id), cancellationToken);
        TaskOutcome outcome;
        if (done is not null)
        {
            LogAlreadyCommitted(logger, plan.Id, task.Id, done);
            outcome = new TaskOutcome(TaskState.Succeeded, null, false, 0m, done);
        }
        else
        {
            var repo = RepositoryName.Parse(plan.Repository);
            var issue = await client.Issues.GetAsync(repo.Owner, repo.Name, plan.IssueNumber, cancellationToken);
            var predecessors = snapshot.Tasks.Where(t => task.Definition.DependsOn.Contains(t.Id, StringComparer.Ordinal)).ToList();
            // The issue's budget is its `/agent budget` override when set; spending is every agent cost of the issue
            // (this plan's tasks, earlier plans, fixes, feedback, reviews); nothing starts once it is spent.
            var spentUsd = snapshot.Tasks.Sum(t => t.CostUsd) + await spending.GetSpentAsync(plan.Repository, plan.IssueNumber, plan.Id, cancellationToken);
            var issueLimit = IssueBudgets.IssueLimit(config.Limits, await budgets.FindAsync(plan.Repository, plan.IssueNumber, cancellationToken));
            if (IssueBudgets.Remaining(issueLimit, spentUsd) <= 0m)
            {
                return new TaskOutcome(TaskState.Blocked, IssueBudgets.SpentReason(issueLimit), false, 0m, null);
            }

            var input = new TaskStepInput(plan, config with { Limits = config.Limits with { IssueBudgetUsd = issueLimit } }, task, role, predecessors,
                issue.IsSuccess ? issue.Value.Body ?? string.Empty : string.Empty, cachePath, credential, logPath, spentUsd);
            outcome = await agentStep.RunAsync(input, cancellationToken);
        }

        return outcome.State == TaskState.Succeeded && outcome.CommitSha is { } sha
            ? await merger.MergeAsync(plan, config, task, cachePath, sha, credential, outcome.CostUsd, cancellationToken)
            : outcome;
    }

    /// <summary>
    /// Writes an attempt's outcome (a retry when it failed retryably and retries are left) and advances the graph. Does
    /// nothing to the task unless it is still Running at <paramref name="attempt"/>. Also the end of a dispatched run.
    /// </summary>
    public async Task FinishAsync(long planId, string taskId, int attempt, TaskOutcome outcome, CancellationToken cancellationToken)
    {
        TimeSpan? retryIn = null;
        var result = await engine.UpdateAsync(planId, snapshot =>
        {
            var task = snapshot.Tasks.FirstOrDefault(t => t.Id == taskId);
            if (task is null || task.State != TaskState.Running || task.Attempt != attempt)
            {
                return null;
            }

            var config = configuration.For(snapshot.Plan);
            var builder = new PlanChangeBuilder(snapshot, time.GetUtcNow(), schedulerOptions.Value.NodeName);
            var spent = task with { CostUsd = task.CostUsd + outcome.CostUsd };
            // A run handed back by a stopping node is not the task's failure: it is queued again at once and does not
            // count against limits.max_retries.
            var handedBack = outcome.State == TaskState.Failed && string.Equals(outcome.Reason, HandBackReason, StringComparison.Ordinal);
            if (outcome.State == TaskState.Failed && outcome.Retryable && (handedBack || attempt <= config.Limits.MaxRetries))
            {
                retryIn = handedBack ? TimeSpan.Zero : config.Limits.RetryBackoff * Math.Pow(2, attempt - 1);
                builder.SetTask(spent with { State = TaskState.Ready, Attempt = attempt + 1, Reason = $"attempt {attempt.ToString(CultureInfo.InvariantCulture)} failed: {outcome.Reason}" }, outcome.Reason);
            }
            else
            {
                var state = outcome.State == TaskState.Cancelled ? TaskState.Cancelled : outcome.State;
                builder.SetTask(spent with { State = state, Reason = outcome.Reason, CommitSha = outcome.CommitSha ?? task.CommitSha, FinishedAt = builder.Now }, outcome.Reason);
            }

            return builder.Build();
        }, cancellationToken);

        if (result.Applied)
        {
            LogFinished(logger, planId, taskId, attempt, outcome.State.ToString(), outcome.Reason ?? "ok");
            if (retryIn is { } delay)
            {
                await jobs.ScheduleTaskRunAsync(planId, taskId, attempt + 1, delay, cancellationToken);
            }
        }

        await engine.AdvanceAsync(planId, cancellationToken);
    }

    private PlanChange? Resume(PlanSnapshot snapshot, string taskId, int attempt, string node, string logPath)
    {
        var task = snapshot.Tasks.FirstOrDefault(t => t.Id == taskId);
        if (task is null || task.State != TaskState.Running || task.Attempt != attempt || (task.Node == node && task.LogPath == logPath))
        {
            return null;
        }

        var builder = new PlanChangeBuilder(snapshot, time.GetUtcNow(), node);
        builder.SetTask(task with { Node = node, LogPath = logPath });
        return builder.Build();
    }

    private PlanChange? Claim(PlanSnapshot snapshot, string taskId, int attempt, string node, string logPath)
    {
        var task = snapshot.Tasks.FirstOrDefault(t => t.Id == taskId);
        if (task is null || task.State != TaskState.Ready || task.Attempt != attempt || snapshot.Plan.State != PlanState.Running)
        {
            return null;
        }

        var builder = new PlanChangeBuilder(snapshot, time.GetUtcNow(), node);
        builder.SetTask(task with { State = TaskState.Running, StartedAt = builder.Now, Node = node, LogPath = logPath }, $"on {node}");
        return builder.Build();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan {PlanId} task {TaskId} attempt {Attempt}: started on {Node}")]
    private static partial void LogStarted(ILogger logger, long planId, string taskId, int attempt, string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plan {PlanId} task {TaskId} attempt {Attempt}: resumed on {Node} after the node running it stopped")]
    private static partial void LogResumed(ILogger logger, long planId, string taskId, int attempt, string node);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan {PlanId} task {TaskId} attempt {Attempt}: nothing to do (stale job)")]
    private static partial void LogStale(ILogger logger, long planId, string taskId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan {PlanId} task {TaskId} attempt {Attempt}: stopped (cancelled or taken over)")]
    private static partial void LogSuperseded(ILogger logger, long planId, string taskId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan {PlanId} task {TaskId}: commit {Sha} already pushed by an earlier run; not running the agent again")]
    private static partial void LogAlreadyCommitted(ILogger logger, long planId, string taskId, string sha);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan {PlanId} task {TaskId} attempt {Attempt}: {State} ({Reason})")]
    private static partial void LogFinished(ILogger logger, long planId, string taskId, int attempt, string state, string reason);
}
