using GitBot.Core.Executors;
using GitBot.Core.Plans;
using GitBot.Git.Repositories;
using GitBot.GitHub.Clients;
using GitBot.Workflows.Plans;

namespace GitBot.Workflows.Executors;

/// <summary>
/// Turns a runner's "succeeded" into the task's outcome. GitBot trusts the repository, not the report: it fetches the
/// task branch and takes the commit there that carries the task's trailer, then merges it into the integration branch
/// (<see cref="IntegrationMerger"/>, as for a local run). A report of a commit the branch does not hold fails the attempt.
/// </summary>
public sealed class RunnerResultMerger(
    PlanConfiguration configuration,
    GitHubClientFactory github,
    MirrorCache mirrors,
    BranchInspector inspector,
    IntegrationMerger merger)
{
    public async Task<TaskOutcome> MergeAsync(PlanRecord plan, TaskRecord task, RunnerTaskResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(result);
        var config = configuration.For(plan);
        var token = await github.ForInstallation(plan.InstallationId).Credentials.GetTokenAsync(cancellationToken);
        if (!token.TryGetValue(out var tokenValue))
        {
            return TaskOutcome.Fail($"no GitHub token for the installation: {token.Error!.Message}", retryable: true, result.CostUsd);
        }

        var credential = new GitCredential(tokenValue);
        var cache = await mirrors.EnsureAsync(plan.Repository, plan.CloneUrl, credential, cancellationToken);
        if (!cache.Succeeded)
        {
            return TaskOutcome.Fail($"fetching {plan.Repository} failed: {cache.Error}", retryable: true, result.CostUsd);
        }

        var taskBranch = PlanConfiguration.TaskBranch(config, plan, task.Id);
        var commit = await inspector.FindCommitWithTrailerAsync(cache.Value!, $"refs/remotes/origin/{taskBranch}",
            TaskAgentStep.TaskTrailer, TaskAgentStep.TrailerValue(plan.Id, task.Id), cancellationToken);
        if (commit is null)
        {
            return result.CommitSha is null
                ? new TaskOutcome(TaskState.Succeeded, "the agent changed nothing", false, result.CostUsd, null)
                : TaskOutcome.Fail($"the runner reported commit {result.CommitSha}, but {taskBranch} holds no commit of this task", retryable: true, result.CostUsd);
        }

        return await merger.MergeAsync(plan, config, task, cache.Value!, commit, credential, result.CostUsd, cancellationToken);
    }
}
