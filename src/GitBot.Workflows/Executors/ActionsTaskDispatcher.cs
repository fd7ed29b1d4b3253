using System.Globalization;
using GitBot.Core.Budgets;
using GitBot.Core.Configuration;
using GitBot.Core.Executors;
using GitBot.Core.Plans;
using GitBot.GitHub.Clients;
using GitBot.GitHub.Models;
using GitBot.Workflows.Plans;
using GitBot.Workflows.Scheduling;
using GitBot.Workflows.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace GitBot.Workflows.Executors;

/// <summary>
/// The <c>actions</c> executor's start of a task attempt: instead of running the agent, make a callback token (only its
/// hash is kept), dispatch the repository's GitBot workflow with the task id, the token and GitBot's URL as inputs, and
/// schedule the attempt's timeout. The task stays Running until the runner reports, its run fails, or the timeout fires.
/// </summary>
/// <remarks>
/// Guarantees: an attempt is dispatched at most once (the dispatch row is written first, keyed by the attempt; a
/// recovered job finds it and only makes sure the timeout exists). A dispatch GitHub refuses is a retryable failure.
/// </remarks>
public sealed partial class ActionsTaskDispatcher(
    ITaskDispatchStore dispatches,
    IIssueBudgetStore budgets,
    IIssueSpendingStore spending,
    GitHubClientFactory github,
    AgentTaskScheduler scheduler,
    IOptions<PlanOptions> planOptions,
    TimeProvider time,
    ILogger<ActionsTaskDispatcher> logger)
{
    /// <summary>Dispatches the attempt; null when it is now (or already was) in a runner's hands, else the failure.</summary>
    public async Task<TaskOutcome?> DispatchAsync(PlanSnapshot snapshot, TaskRecord task, RepoConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var plan = snapshot.Plan;
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(config);
        var settings = config.Executor;
        if (await dispatches.FindAsync(plan.Id, task.Id, task.Attempt, cancellationToken) is { } existing)
        {
            await ScheduleTimeoutAsync(existing, cancellationToken);
            return null;
        }

        // As on a worker (TaskRunner): nothing starts once the issue's budget is spent.
        var spentUsd = snapshot.Tasks.Sum(t => t.CostUsd) + await spending.GetSpentAsync(plan.Repository, plan.IssueNumber, plan.Id, cancellationToken);
        var issueLimit = IssueBudgets.IssueLimit(config.Limits, await budgets.FindAsync(plan.Repository, plan.IssueNumber, cancellationToken));
        if (IssueBudgets.Remaining(issueLimit, spentUsd) <= 0m)
        {
            return new TaskOutcome(TaskState.Blocked, IssueBudgets.SpentReason(issueLimit), false, 0m, null);
        }

        if (planOptions.Value.PublicUrl is not { Length: > 0 } publicUrl)
        {
            return TaskOutcome.Fail("the `actions` executor needs GitBot's public URL (setting Plans:PublicUrl) for runners to report to", retryable: false, 0m);
        }

        var (token, sha256) = CallbackToken.Create();
        var now = time.GetUtcNow();
        var dispatch = new TaskDispatch(plan.Id, task.Id, task.Attempt, plan.Repository, sha256, now, now + settings.Timeout, null, null);
        if (!await dispatches.AddAsync(dispatch, cancellationToken))
        {
            return null; // Another run of this job dispatched it a moment ago.
        }

        var repo = RepositoryName.Parse(plan.Repository);
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["task"] = TaskInput(plan.Id, task.Id, task.Attempt),
            ["callback_token"] = token,
            ["gitbot_url"] = publicUrl.TrimEnd('/'),
        };
        var reference = settings.Ref ?? plan.DefaultBranch;
        var sent = await github.ForInstallation(plan.InstallationId).Actions.DispatchWorkflowAsync(
            repo.Owner, repo.Name, settings.Workflow, new WorkflowDispatchRequest(reference, inputs), cancellationToken);
        if (!sent.IsSuccess)
        {
            // The token is useless now: take the attempt's outcome so neither a late runner nor the timeout acts on it.
            await dispatches.MarkReportedAsync(plan.Id, task.Id, task.Attempt, time.GetUtcNow(), CancellationToken.None);
            return TaskOutcome.Fail($"dispatching the workflow `{settings.Workflow}` on `{reference}` failed: {sent.Error.Message}", retryable: true, 0m);
        }

        await ScheduleTimeoutAsync(dispatch, cancellationToken);
        LogDispatched(logger, plan.Id, task.Id, task.Attempt, settings.Workflow, reference);
        return null;
    }

    /// <summary>The <c>task</c> input: <c>{plan}/{task}/{attempt}</c>.</summary>
    public static string TaskInput(long planId, string taskId, int attempt) =>
        $"{planId.ToString(CultureInfo.InvariantCulture)}/{taskId}/{attempt.ToString(CultureInfo.InvariantCulture)}";

    private async Task ScheduleTimeoutAsync(TaskDispatch dispatch, CancellationToken cancellationToken)
    {
        var job = JobBuilder.Create<ActionsTimeoutJob>().WithIdentity(ActionsJobKeys.Timeout(dispatch.PlanId, dispatch.TaskId, dispatch.Attempt))
            .UsingJobData(PlanJobKeys.PlanIdKey, dispatch.PlanId)
            .UsingJobData(PlanJobKeys.TaskIdKey, dispatch.TaskId)
            .UsingJobData(PlanJobKeys.AttemptKey, dispatch.Attempt).UsingTraceContext().RequestRecovery().Build();
        var trigger = TriggerBuilder.Create().ForJob(job).WithIdentity(job.Key.Name, job.Key.Group).StartAt(dispatch.Deadline).Build();
        var quartz = await scheduler.GetAsync(cancellationToken);
        try
        {
            await quartz.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Scheduled by an earlier run of the same attempt.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan {PlanId} task {TaskId} attempt {Attempt}: dispatched workflow {Workflow} on {Ref}")]
    private static partial void LogDispatched(ILogger logger, long planId, string taskId, int attempt, string workflow, string @ref);
}
