using System.Globalization;
using GitBot.Agents.Configuration;
using GitBot.Agents.Runs;
using GitBot.Core.Executors;
using GitBot.Git.Repositories;

namespace GitBot.Cli.RunTask;

/// <summary>
/// A dispatched task on the runner: a worktree of the repository cache on the task branch from the integration
/// branch, the role's agent in it (the role from the plan's configuration snapshot), a commit with the task's
/// trailers, and a push of the task branch with the job's token. Returns what to report; never throws for a task
/// failure. The worktree is always removed.
/// </summary>
internal sealed class RemoteTaskRunner(MirrorCache mirrors, WorktreeManager worktrees, WorkspaceCommitter committer, BranchPusher pusher, IAgentRunner agents)
{
    public async Task<RunnerTaskResult> RunAsync(RunnerTaskSpec spec, GitCredential? credential, string logPath, long? runId, CancellationToken cancellationToken)
    {
        var parsed = RepoConfigParser.Parse(spec.ConfigFiles);
        if (parsed.Config is not { } config || !config.Roles.TryGetValue(spec.Role, out var role))
        {
            return Failed($"role `{spec.Role}` is not defined in the plan's configuration", 0m, runId);
        }

        var cache = await mirrors.EnsureAsync(spec.Repository, spec.CloneUrl, credential, cancellationToken);
        if (!cache.Succeeded)
        {
            return Failed($"fetching {spec.Repository} failed: {cache.Error}", 0m, runId);
        }

        var created = await worktrees.CreateAsync(cache.Value!, spec.TaskBranch, $"refs/remotes/origin/{spec.IntegrationBranch}", cancellationToken);
        if (!created.Succeeded)
        {
            return Failed($"could not prepare a worktree: {created.Error}", 0m, runId);
        }

        var worktree = created.Value!;
        try
        {
            var request = new AgentRunRequest(
                $"{spec.Repository}/{spec.PlanId.ToString(CultureInfo.InvariantCulture)}/{spec.TaskId}/{spec.Attempt.ToString(CultureInfo.InvariantCulture)}",
                role, spec.Prompt, worktree.Path, logPath, spec.MaxTurns, spec.BudgetUsd, TimeSpan.FromSeconds(spec.TimeoutSeconds));
            var result = await agents.RunAsync(request, cancellationToken);
            var reported = await ReportAsync();
            return reported with
            {
                Outcome = result.Outcome.ToString(),
                Turns = result.Turns,
                InputTokens = result.InputTokens,
                OutputTokens = result.OutputTokens,
                ExitCode = result.ExitCode,
            };

            async Task<RunnerTaskResult> ReportAsync()
            {
                if (!result.Succeeded)
                {
                    return Failed($"the agent did not finish ({result.Outcome}): {result.Summary}", result.CostUsd, runId);
                }

                var commit = await committer.CommitAllAsync(worktree, new CommitRequest(spec.CommitMessage, spec.Trailers, config.AllowWorkflowChanges), cancellationToken);
                if (!commit.Succeeded || commit.Value!.Refused)
                {
                    var why = commit.Succeeded ? $"the agent changed files it may not change: {string.Join(", ", commit.Value!.RefusedFiles)}" : commit.Error;
                    return Failed($"committing the agent's work failed: {why}", result.CostUsd, runId);
                }

                if (commit.Value.Sha is not { } sha)
                {
                    return new RunnerTaskResult("succeeded", null, result.CostUsd, "the agent changed nothing", runId);
                }

                var push = await pusher.PushAsync(cache.Value!, sha, spec.TaskBranch, spec.DefaultBranch, spec.BranchPrefix + "/", credential, cancellationToken);
                return push.Succeeded && push.Value != PushStatus.Rejected
                    ? new RunnerTaskResult("succeeded", sha, result.CostUsd, null, runId)
                    : Failed($"pushing {spec.TaskBranch} failed: {(push.Succeeded ? "the branch holds commits this run does not have" : push.Error)}", result.CostUsd, runId);
            }
        }
        finally
        {
            await worktrees.RemoveAsync(worktree, CancellationToken.None);
        }
    }

    private static RunnerTaskResult Failed(string reason, decimal cost, long? runId) => new("failed", null, cost, reason, runId);
}
