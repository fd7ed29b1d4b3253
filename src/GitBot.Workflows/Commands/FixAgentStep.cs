using System.Globalization;
using GitBot.Agents.Runs;
using GitBot.Git.Repositories;
using GitBot.Workflows.Plans;

namespace GitBot.Workflows.Commands;

/// <summary>
/// The part of an <c>/agent fix</c> that happens in a worktree (the same steps as a review's feedback run): a worktree
/// at the pull request's head, the coding role's agent in it under the repository's limits (timeout, turns, per-task
/// budget), a commit of what it changed with the bot identity and the <see cref="FixTrailer"/> and
/// <see cref="TaskAgentStep.AgentTrailer"/> trailers, and a push to the pull request's branch that is never forced: a
/// branch that moved meanwhile makes the push fail instead of losing someone's commits. The worktree is always given back.
/// </summary>
public sealed class FixAgentStep(
    WorktreeManager worktrees,
    WorkspaceCommitter committer,
    BranchPusher pusher,
    IAgentRunner agents,
    WorktreeHousekeeper housekeeper)
{
    /// <summary>The trailer naming the command a commit carries out; a re-run finds the commit by it instead of running again.</summary>
    public const string FixTrailer = "GitBot-Fix";

    public async Task<FixOutcome> RunAsync(FixStepInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (request, config) = (input.Request, input.Config);
        var pull = request.PullNumber.ToString(CultureInfo.InvariantCulture);

        // A local branch of its own: the pull request's branch name may be held by another worktree (a plan's merge).
        var created = await worktrees.CreateAsync(input.CachePath, $"{input.Branch}-fix/{request.TrailerValue}", input.HeadSha, cancellationToken);
        if (!created.Succeeded)
        {
            return FixOutcome.Fail($"could not prepare a worktree: {created.Error}");
        }

        var worktree = created.Value!;
        try
        {
            var run = new AgentRunRequest($"{request.Repository}#{pull}/fix/{request.TrailerValue}",
                input.Role, input.Prompt, worktree.Path, input.LogPath, config.Limits.MaxTurns, config.Limits.TaskBudgetUsd, config.Limits.TaskTimeout);
            var result = await agents.RunAsync(run, cancellationToken);
            if (result.Outcome == AgentOutcome.Cancelled)
            {
                return FixOutcome.Fail("the run was stopped before it finished (GitBot was shutting down); ask again to retry", result.CostUsd);
            }

            if (!result.Succeeded)
            {
                return FixOutcome.Fail(AgentRunDescription.Describe(result, config.Limits), result.CostUsd);
            }

            var trailers = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [FixTrailer] = request.TrailerValue,
                [TaskAgentStep.AgentTrailer] = $"{input.Role.Name} ({input.Role.Backend})",
            };

            // The instructions stay out of the message: user text there could forge a trailer line.
            var what = request.Source == CommandSourceKind.Review ? "review" : "comment";
            var message = $"Apply /agent fix on #{pull}\n\nRequested by {request.Sender} with /agent fix in {what} {request.SourceId.ToString(CultureInfo.InvariantCulture)}.";
            var commit = await committer.CommitAllAsync(worktree, new CommitRequest(message, trailers, config.AllowWorkflowChanges), cancellationToken);
            if (!commit.Succeeded)
            {
                return FixOutcome.Fail($"committing the agent's work failed: {commit.Error}", result.CostUsd);
            }

            var outcome = commit.Value!;
            if (outcome.Refused)
            {
                return FixOutcome.Fail(
                    $"the agent changed files it may not change: {string.Join(", ", outcome.RefusedFiles)} (workflow files need `allow_workflow_changes: true`; conflict markers are never committed)",
                    result.CostUsd);
            }

            if (outcome.Sha is null)
            {
                return new FixOutcome(FixReplyState.NoChange, null, result.Summary, result.CostUsd);
            }

            var push = await pusher.PushAsync(input.CachePath, outcome.Sha, input.Branch, request.DefaultBranch, config.BranchPrefix + "/", input.Credential, cancellationToken);
            if (!push.Succeeded)
            {
                return FixOutcome.Fail($"pushing {input.Branch} failed: {push.Error}", result.CostUsd);
            }

            return push.Value == PushStatus.Rejected
                ? FixOutcome.Fail($"{input.Branch} moved while the agent worked, and GitBot never force-pushes; ask again on the new head", result.CostUsd)
                : new FixOutcome(FixReplyState.Pushed, outcome.Sha, null, result.CostUsd);
        }
        finally
        {
            housekeeper.Return(worktree);
        }
    }
}
