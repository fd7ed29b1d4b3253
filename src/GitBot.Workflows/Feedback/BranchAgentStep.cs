using GitBot.Agents.Runs;
using GitBot.Git.Repositories;
using GitBot.Workflows.Plans;

namespace GitBot.Workflows.Feedback;

/// <summary>
/// An agent run on a pull request's branch, shared by review feedback and <c>/agent fix</c>: a worktree at the head,
/// the coding role's agent in it under the repository's limits (timeout, turns) and the run's budget (the task budget
/// capped by what is left of the issue's), a commit of what it
/// changed with the bot identity, the caller's trailers and <see cref="TaskAgentStep.AgentTrailer"/>, and a push to the
/// branch that is never forced: a branch that moved meanwhile gives <see cref="BranchAgentResult.BranchMoved"/> instead
/// of losing someone's commits. The worktree is always given back.
/// </summary>
public sealed class BranchAgentStep(
    WorktreeManager worktrees,
    WorkspaceCommitter committer,
    BranchPusher pusher,
    IAgentRunner agents,
    WorktreeHousekeeper housekeeper)
{
    public async Task<BranchAgentOutcome> RunAsync(BranchAgentInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var config = input.Config;
        var created = await worktrees.CreateAsync(input.CachePath, input.LocalBranch, input.HeadSha, cancellationToken);
        if (!created.Succeeded)
        {
            return BranchAgentOutcome.Fail($"could not prepare a worktree: {created.Error}");
        }

        var worktree = created.Value!;
        try
        {
            var run = new AgentRunRequest(input.RunId, input.Role, input.Prompt, worktree.Path, input.LogPath, config.Limits.MaxTurns,
                input.BudgetUsd, config.Limits.TaskTimeout)
            {
                Subject = input.Subject,
            };
            var result = await agents.RunAsync(run, cancellationToken);
            if (result.Outcome == AgentOutcome.Cancelled)
            {
                return BranchAgentOutcome.Fail(input.StoppedReason, result.CostUsd);
            }

            if (!result.Succeeded)
            {
                return BranchAgentOutcome.Fail(AgentRunDescription.Describe(result, config.Limits), result.CostUsd);
            }

            var trailers = new Dictionary<string, string>(input.Trailers, StringComparer.Ordinal)
            {
                [TaskAgentStep.AgentTrailer] = $"{input.Role.Name} ({input.Role.Backend})",
            };
            var commit = await committer.CommitAllAsync(worktree, new CommitRequest(input.CommitMessage, trailers, config.AllowWorkflowChanges), cancellationToken);
            if (!commit.Succeeded)
            {
                return BranchAgentOutcome.Fail($"committing the agent's work failed: {commit.Error}", result.CostUsd);
            }

            var outcome = commit.Value!;
            if (outcome.Refused)
            {
                return BranchAgentOutcome.Fail(
                    $"the agent changed files it may not change: {string.Join(", ", outcome.RefusedFiles)} (workflow files need `allow_workflow_changes: true`; conflict markers are never committed)",
                    result.CostUsd);
            }

            if (outcome.Sha is null)
            {
                return new BranchAgentOutcome(BranchAgentResult.NoChange, null, result.Summary, result.CostUsd);
            }

            var push = await pusher.PushAsync(input.CachePath, outcome.Sha, input.Branch, input.DefaultBranch, config.BranchPrefix + "/", input.Credential, cancellationToken);
            if (!push.Succeeded)
            {
                return BranchAgentOutcome.Fail($"pushing {input.Branch} failed: {push.Error}", result.CostUsd);
            }

            return push.Value == PushStatus.Rejected
                ? new BranchAgentOutcome(BranchAgentResult.BranchMoved, outcome.Sha, $"{input.Branch} on GitHub holds commits this run does not have", result.CostUsd)
                : new BranchAgentOutcome(BranchAgentResult.Pushed, outcome.Sha, null, result.CostUsd);
        }
        finally
        {
            housekeeper.Return(worktree);
        }
    }
}
