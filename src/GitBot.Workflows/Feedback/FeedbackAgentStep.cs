using System.Globalization;
using GitBot.Agents.Runs;
using GitBot.Git.Repositories;
using GitBot.Workflows.Plans;

namespace GitBot.Workflows.Feedback;

/// <summary>
/// The part of a feedback run that happens in a worktree: a worktree at the pull request's head, the coding role's agent
/// in it under the repository's limits (timeout, turns, per-task budget), a commit of what it changed with the bot
/// identity and the <see cref="FeedbackTrailer"/> and <see cref="TaskAgentStep.AgentTrailer"/> trailers, and a push to
/// the pull request's branch that is never forced: a branch that moved meanwhile makes the push fail
/// (<see cref="FeedbackResult.BranchMoved"/>) instead of losing someone's commits. The worktree is always given back.
/// </summary>
public sealed class FeedbackAgentStep(
    WorktreeManager worktrees,
    WorkspaceCommitter committer,
    BranchPusher pusher,
    IAgentRunner agents,
    WorktreeHousekeeper housekeeper)
{
    /// <summary>The trailer naming the review a commit addresses; a re-run finds the commit by it instead of running again.</summary>
    public const string FeedbackTrailer = "GitBot-Feedback";

    public async Task<FeedbackOutcome> RunAsync(FeedbackStepInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (request, target, config) = (input.Request, input.Target, input.Target.Config);
        var reviewId = request.ReviewId.ToString(CultureInfo.InvariantCulture);

        // A local branch of its own: the pull request's branch name may be held by another worktree (a plan's merge).
        var localBranch = $"{target.Branch}-feedback/{reviewId}";
        var created = await worktrees.CreateAsync(input.CachePath, localBranch, input.HeadSha, cancellationToken);
        if (!created.Succeeded)
        {
            return FeedbackOutcome.Fail($"could not prepare a worktree: {created.Error}");
        }

        var worktree = created.Value!;
        try
        {
            var run = new AgentRunRequest($"{request.Repository}#{request.PullNumber.ToString(CultureInfo.InvariantCulture)}/feedback/{reviewId}",
                input.Role, input.Prompt, worktree.Path, input.LogPath, config.Limits.MaxTurns, config.Limits.TaskBudgetUsd, config.Limits.TaskTimeout);
            var result = await agents.RunAsync(run, cancellationToken);
            if (result.Outcome == AgentOutcome.Cancelled)
            {
                return FeedbackOutcome.Fail("the run was stopped before it finished (GitBot was shutting down); request changes again to retry", result.CostUsd);
            }

            if (!result.Succeeded)
            {
                return FeedbackOutcome.Fail(AgentRunDescription.Describe(result, config.Limits), result.CostUsd);
            }

            var trailers = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [FeedbackTrailer] = reviewId,
                [TaskAgentStep.AgentTrailer] = $"{input.Role.Name} ({input.Role.Backend})",
            };
            var message = $"{input.CommitTitle}\n\nChanges requested in review {reviewId} of pull request #{request.PullNumber.ToString(CultureInfo.InvariantCulture)}.";
            var commit = await committer.CommitAllAsync(worktree, new CommitRequest(message, trailers, config.AllowWorkflowChanges), cancellationToken);
            if (!commit.Succeeded)
            {
                return FeedbackOutcome.Fail($"committing the agent's work failed: {commit.Error}", result.CostUsd);
            }

            var outcome = commit.Value!;
            if (outcome.Refused)
            {
                return FeedbackOutcome.Fail(
                    $"the agent changed files it may not change: {string.Join(", ", outcome.RefusedFiles)} (workflow files need `allow_workflow_changes: true`; conflict markers are never committed)",
                    result.CostUsd);
            }

            if (outcome.Sha is null)
            {
                return new FeedbackOutcome(FeedbackResult.NoChange, null, result.Summary, result.CostUsd);
            }

            var push = await pusher.PushAsync(input.CachePath, outcome.Sha, target.Branch, request.DefaultBranch, config.BranchPrefix + "/", input.Credential, cancellationToken);
            if (!push.Succeeded)
            {
                return FeedbackOutcome.Fail($"pushing {target.Branch} failed: {push.Error}", result.CostUsd);
            }

            return push.Value == PushStatus.Rejected
                ? new FeedbackOutcome(FeedbackResult.BranchMoved, outcome.Sha, $"{target.Branch} on GitHub holds commits this run does not have", result.CostUsd)
                : new FeedbackOutcome(FeedbackResult.Pushed, outcome.Sha, null, result.CostUsd);
        }
        finally
        {
            housekeeper.Return(worktree);
        }
    }
}
