using System.Globalization;
using GitBot.Core.Runs;

namespace GitBot.Workflows.Feedback;

/// <summary>
/// The part of a feedback run that happens in a worktree: <see cref="BranchAgentStep"/> with the review's prompt and
/// the <see cref="FeedbackTrailer"/> naming the review, mapped to a <see cref="FeedbackOutcome"/>.
/// </summary>
public sealed class FeedbackAgentStep(BranchAgentStep step)
{
    /// <summary>The trailer naming the review a commit addresses; a re-run finds the commit by it instead of running again.</summary>
    public const string FeedbackTrailer = "GitBot-Feedback";

    public async Task<FeedbackOutcome> RunAsync(FeedbackStepInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (request, target) = (input.Request, input.Target);
        var reviewId = request.ReviewId.ToString(CultureInfo.InvariantCulture);
        var pull = request.PullNumber.ToString(CultureInfo.InvariantCulture);
        var outcome = await step.RunAsync(new BranchAgentInput(
            $"{request.Repository}#{pull}/feedback/{reviewId}",
            $"{target.Branch}-feedback/{reviewId}",
            target.Branch,
            request.DefaultBranch,
            target.Config,
            input.Role,
            input.Prompt,
            input.HeadSha,
            input.CachePath,
            input.Credential,
            input.LogPath,
            $"{input.CommitTitle}\n\nChanges requested in review {reviewId} of pull request #{pull}.",
            new Dictionary<string, string>(StringComparer.Ordinal) { [FeedbackTrailer] = reviewId },
            "the run was stopped before it finished (GitBot was shutting down); request changes again to retry",
            input.BudgetUsd)
        {
            Subject = new AgentRunSubject(request.Repository, AgentRunKind.Feedback, target.IssueNumber, request.PullNumber),
        }, cancellationToken);
        var result = outcome.Result switch
        {
            BranchAgentResult.Pushed => FeedbackResult.Pushed,
            BranchAgentResult.NoChange => FeedbackResult.NoChange,
            BranchAgentResult.BranchMoved => FeedbackResult.BranchMoved,
            _ => FeedbackResult.Failed,
        };
        return new FeedbackOutcome(result, outcome.CommitSha, outcome.Reason, outcome.CostUsd);
    }
}
