using System.Collections.Concurrent;
using GitBot.Core.Configuration;
using GitBot.Core.Plans;
using GitBot.Git.Repositories;
using Microsoft.Extensions.Options;

namespace GitBot.Workflows.Plans;

/// <summary>
/// Merges a finished task's commit into its plan's integration branch and pushes it. The merge is computed without a
/// worktree (<see cref="BranchMerger"/>), so conflict markers can never be committed; the push never forces, so when
/// another task's merge landed first the push is rejected and the merge is redone on the new tip.
/// </summary>
public sealed class IntegrationMerger(MirrorCache mirrors, BranchMerger merger, BranchPusher pusher, IOptions<PlanOptions> options)
{
    // Tasks of one plan finishing together on this node merge one at a time: racing each other would only turn into
    // rejected pushes, fetches and merges done again. Tasks on other nodes still race, and the retry handles them.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _branchLocks = new(StringComparer.Ordinal);

    /// <summary>Merges <paramref name="commitSha"/>; a conflict is a NeedsHuman outcome naming the files.</summary>
    public async Task<TaskOutcome> MergeAsync(
        PlanRecord plan, RepoConfig config, TaskRecord task, string cachePath, string commitSha, GitCredential credential, decimal cost, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(task);
        var integration = PlanConfiguration.IntegrationBranch(config, plan);
        var gate = _branchLocks.GetOrAdd($"{plan.Repository}\n{integration}", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await MergeLockedAsync(plan, config, task, integration, cachePath, commitSha, credential, cost, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<TaskOutcome> MergeLockedAsync(
        PlanRecord plan, RepoConfig config, TaskRecord task, string integration, string cachePath, string commitSha, GitCredential credential, decimal cost, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Math.Max(1, options.Value.MergeAttempts); attempt++)
        {
            var merge = await merger.MergeAsync(cachePath, $"refs/remotes/origin/{integration}", commitSha,
                $"Merge task {task.Id} into {integration}\n\n{task.Definition.Title}", cancellationToken);
            if (!merge.Succeeded)
            {
                return TaskOutcome.Fail($"merging into {integration} failed: {merge.Error}", retryable: true, cost);
            }

            var outcome = merge.Value!;
            switch (outcome.Status)
            {
                case MergeStatus.Conflict:
                    return new TaskOutcome(TaskState.NeedsHuman,
                        $"merge conflict with {integration} in: {string.Join(", ", outcome.ConflictingFiles)}", false, cost, commitSha);
                case MergeStatus.AlreadyUpToDate:
                    return new TaskOutcome(TaskState.Succeeded, null, false, cost, commitSha);
            }

            var push = await pusher.PushAsync(cachePath, outcome.Sha!, integration, plan.DefaultBranch, config.BranchPrefix + "/", credential, cancellationToken);
            if (!push.Succeeded)
            {
                return TaskOutcome.Fail($"pushing {integration} failed: {push.Error}", retryable: true, cost);
            }

            if (push.Value != PushStatus.Rejected)
            {
                return new TaskOutcome(TaskState.Succeeded, null, false, cost, commitSha);
            }

            // Another task's merge landed first: fetch the new tip and merge again on top of it.
            var fetched = await mirrors.EnsureAsync(plan.Repository, plan.CloneUrl, credential, cancellationToken);
            if (!fetched.Succeeded)
            {
                return TaskOutcome.Fail($"fetching {plan.Repository} failed: {fetched.Error}", retryable: true, cost);
            }
        }

        return TaskOutcome.Fail($"{integration} kept moving while merging; giving up after {options.Value.MergeAttempts} attempts", retryable: true, cost);
    }
}
