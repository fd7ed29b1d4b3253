using GitBot.Agents.Configuration;
using GitBot.Core.Configuration;
using GitBot.Core.Plans;
using GitBot.Core.Plans.Rendering;
using GitBot.Git.Repositories;
using GitBot.GitHub.Clients;
using Microsoft.Extensions.Logging;

namespace GitBot.Workflows.Plans;

/// <summary>
/// Turns a new plan into tasks: the issue's own task list when it has one, otherwise the planner agent's JSON,
/// validated (a DAG, known roles, within the task limit) and asked for once more when invalid. Then it creates the
/// integration branch, stores the tasks, posts the plan comment and starts the plan — or waits for
/// <c>/agent approve</c>. A plan that cannot be made fails with a comment saying why. Idempotent: only a plan still
/// in Planning is worked on, and the tasks are stored in the same versioned write that ends Planning.
/// </summary>
public sealed partial class PlanningRunner(
    IPlanStore store,
    PlanEngine engine,
    PlanConfiguration configuration,
    PlanCommentPublisher comments,
    PlannerAgent planner,
    GitHubClientFactory github,
    MirrorCache mirrors,
    BranchInspector inspector,
    BranchPusher pusher,
    TimeProvider time,
    ILogger<PlanningRunner> logger)
{
    public async Task RunAsync(long planId, CancellationToken cancellationToken)
    {
        var snapshot = await store.GetAsync(planId, cancellationToken);
        if (snapshot is null || snapshot.Plan.State != PlanState.Planning)
        {
            return;
        }

        var plan = snapshot.Plan;
        var config = configuration.For(plan);
        var client = github.ForInstallation(plan.InstallationId);
        var repo = RepositoryName.Parse(plan.Repository);
        var issue = await client.Issues.GetAsync(repo.Owner, repo.Name, plan.IssueNumber, cancellationToken);
        if (!issue.TryGetValue(out var issueValue))
        {
            await FailAsync(plan, [$"the issue could not be read: {issue.Error!.Message}"], cancellationToken);
            return;
        }

        var pinned = TriggerLabelMatcher.Match(plan.TriggerLabel, config.TriggerLabel)?.PinnedRole;
        var defaultRole = pinned ?? config.DefaultRole;
        var workRoles = config.Roles.Keys.Where(r => r != BuiltInRoles.Planner).ToList();
        var tasks = TaskListPlanParser.Parse(issueValue.Body, defaultRole, workRoles);
        IReadOnlyList<string> problems;
        if (tasks is not null)
        {
            problems = PlanValidator.Validate(Pin(tasks, pinned), workRoles, config.Limits.MaxTasks);
            tasks = Pin(tasks, pinned);
        }
        else
        {
            var planned = await planner.PlanAsync(plan, config, issueValue.Title, issueValue.Body ?? string.Empty, workRoles, cancellationToken);
            tasks = planned.Tasks is null ? null : Pin(planned.Tasks, pinned);
            problems = planned.Problems;
        }

        if (tasks is null || problems.Count > 0)
        {
            await FailAsync(plan, problems, cancellationToken);
            return;
        }

        var branch = await EnsureIntegrationBranchAsync(plan, config, client, cancellationToken);
        if (branch is not null)
        {
            await FailAsync(plan, [branch], cancellationToken);
            return;
        }

        var started = await engine.UpdateAsync(planId, current =>
        {
            if (current.Plan.State != PlanState.Planning)
            {
                return null;
            }

            var builder = new PlanChangeBuilder(current, time.GetUtcNow(), "gitbot");
            for (var i = 0; i < tasks.Count; i++)
            {
                builder.AddTask(new TaskRecord(planId, i, tasks[i], TaskState.Pending, 0, null, null, 0m, null, null, null, null));
            }

            builder.SetPlan(current.Plan with { State = config.PlanApproval ? PlanState.AwaitingApproval : PlanState.Running },
                $"{tasks.Count} tasks planned");
            return builder.Build();
        }, cancellationToken);

        LogPlanned(logger, planId, tasks.Count, started.Applied);
        await comments.RefreshAsync(planId, cancellationToken);
        await engine.AdvanceAsync(planId, cancellationToken);
    }

    private static IReadOnlyList<PlannedTask> Pin(IReadOnlyList<PlannedTask> tasks, string? role) =>
        role is null ? tasks : [.. tasks.Select(t => t with { Role = role })];

    private async Task<string?> EnsureIntegrationBranchAsync(PlanRecord plan, RepoConfig config, GitHubClient client, CancellationToken cancellationToken)
    {
        var token = await client.Credentials.GetTokenAsync(cancellationToken);
        if (!token.TryGetValue(out var tokenValue))
        {
            return $"no GitHub token for the installation: {token.Error!.Message}";
        }

        var credential = new GitCredential(tokenValue);
        var cache = await mirrors.EnsureAsync(plan.Repository, plan.CloneUrl, credential, cancellationToken);
        if (!cache.Succeeded)
        {
            return $"fetching {plan.Repository} failed: {cache.Error}";
        }

        var integration = PlanConfiguration.IntegrationBranch(config, plan);
        if (await inspector.ResolveAsync(cache.Value!, $"refs/remotes/origin/{integration}", cancellationToken) is not null)
        {
            return null; // Kept from an earlier plan for this issue (or a re-run): work continues from it.
        }

        var head = await inspector.ResolveAsync(cache.Value!, $"refs/remotes/origin/{plan.DefaultBranch}", cancellationToken);
        if (head is null)
        {
            return $"the default branch `{plan.DefaultBranch}` was not found";
        }

        var pushed = await pusher.PushAsync(cache.Value!, head, integration, plan.DefaultBranch, config.BranchPrefix + "/", credential, cancellationToken);
        return pushed.Succeeded ? null : $"creating branch `{integration}` failed: {pushed.Error}";
    }

    private async Task FailAsync(PlanRecord plan, IReadOnlyList<string> problems, CancellationToken cancellationToken)
    {
        var client = github.ForInstallation(plan.InstallationId);
        var repo = RepositoryName.Parse(plan.Repository);
        var body = PlanReportRenderer.RenderPlanningFailed(plan, problems);
        var marker = PlanReportRenderer.Marker(plan.Id);
        await Issues.IssueCommentWriter.UpsertAsync(client, repo, plan.IssueNumber, marker, body, cancellationToken);

        await engine.UpdateAsync(plan.Id, current =>
        {
            if (current.Plan.State != PlanState.Planning)
            {
                return null;
            }

            var builder = new PlanChangeBuilder(current, time.GetUtcNow(), "gitbot");
            var reason = $"no valid plan: {string.Join("; ", problems)}";
            builder.SetPlan(current.Plan with { State = PlanState.Failed, Reason = reason }, reason);
            return builder.Build();
        }, cancellationToken);
        LogPlanningFailed(logger, plan.Id, string.Join("; ", problems));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan {PlanId}: {Count} tasks planned (stored by this run: {Stored})")]
    private static partial void LogPlanned(ILogger logger, long planId, int count, bool stored);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plan {PlanId}: planning failed: {Problems}")]
    private static partial void LogPlanningFailed(ILogger logger, long planId, string problems);
}
