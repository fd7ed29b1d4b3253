using System.Globalization;
using GitBot.Core.Runs;
using GitBot.Workflows.Feedback;

namespace GitBot.Workflows.Commands;

/// <summary>
/// The part of an <c>/agent fix</c> that happens in a worktree: <see cref="BranchAgentStep"/> (the same steps as a
/// review's feedback run) with the fix prompt and the <see cref="FixTrailer"/> naming the command, mapped to a
/// <see cref="FixOutcome"/>. A branch that moved while the agent worked is a failure saying so: GitBot never force-pushes.
/// </summary>
public sealed class FixAgentStep(BranchAgentStep step)
{
    /// <summary>The trailer naming the command a commit carries out; a re-run finds the commit by it instead of running again.</summary>
    public const string FixTrailer = "GitBot-Fix";

    public async Task<FixOutcome> RunAsync(FixStepInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = input.Request;
        var pull = request.PullNumber.ToString(CultureInfo.InvariantCulture);

        // The instructions stay out of the message: user text there could forge a trailer line.
        var what = request.Source == CommandSourceKind.Review ? "review" : "comment";
        var message = $"Apply /agent fix on #{pull}\n\nRequested by {request.Sender} with /agent fix in {what} {request.SourceId.ToString(CultureInfo.InvariantCulture)}.";
        var outcome = await step.RunAsync(new BranchAgentInput(
            $"{request.Repository}#{pull}/fix/{request.TrailerValue}",
            $"{input.Branch}-fix/{request.TrailerValue}",
            input.Branch,
            request.DefaultBranch,
            input.Config,
            input.Role,
            input.Prompt,
            input.HeadSha,
            input.CachePath,
            input.Credential,
            input.LogPath,
            message,
            new Dictionary<string, string>(StringComparer.Ordinal) { [FixTrailer] = request.TrailerValue },
            "the run was stopped before it finished (GitBot was shutting down); ask again to retry",
            input.BudgetUsd)
        {
            Subject = new AgentRunSubject(request.Repository, AgentRunKind.Fix, input.IssueNumber, request.PullNumber),
        }, cancellationToken);
        return outcome.Result switch
        {
            BranchAgentResult.Pushed => new FixOutcome(FixReplyState.Pushed, outcome.CommitSha, null, outcome.CostUsd),
            BranchAgentResult.NoChange => new FixOutcome(FixReplyState.NoChange, null, outcome.Reason, outcome.CostUsd),
            BranchAgentResult.BranchMoved => FixOutcome.Fail(
                $"{input.Branch} moved while the agent worked, and GitBot never force-pushes; ask again on the new head", outcome.CostUsd),
            _ => FixOutcome.Fail(outcome.Reason ?? "the fix failed", outcome.CostUsd),
        };
    }
}
