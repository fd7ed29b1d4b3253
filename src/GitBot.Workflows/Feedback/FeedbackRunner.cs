using System.Globalization;
using GitBot.Agents.Backends;
using GitBot.Core.Budgets;
using GitBot.GitHub.Clients;
using GitBot.Git.Repositories;
using GitBot.Workflows.Issues;
using GitBot.Workflows.Plans;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitBot.Workflows.Feedback;

/// <summary>
/// Runs one review's feedback, start to end, and answers on the pull request in one comment edited in place. Safe to
/// run again for the same review (a redelivered webhook after the first run finished, a crashed node's job recovered
/// elsewhere): an answered review (its reply is final) does nothing; a commit carrying the review's
/// <see cref="FeedbackAgentStep.FeedbackTrailer"/> already on the branch is reported instead of running the agent again.
/// Acts on the pull request as it is when the run starts: still open, still on a GitBot branch, the review still
/// requesting changes, the worktree at the current head after the mirror cache was fetched. The issue's budget is checked
/// before the agent: when it is spent the agent does not start and the reply says how to continue; otherwise the
/// agent's budget is the task budget capped by what is left, and what it cost is added to the issue's spending
/// (<see cref="BranchBudget"/>) whatever the outcome.
/// </summary>
public sealed partial class FeedbackRunner(
    GitHubClientFactory github,
    FeedbackTargetResolver resolver,
    MirrorCache mirrors,
    BranchInspector inspector,
    FeedbackAgentStep agentStep,
    BranchBudget budget,
    IOptions<AgentOptions> agentOptions,
    ILogger<FeedbackRunner> logger)
{
    public async Task RunAsync(FeedbackRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var client = github.ForInstallation(request.InstallationId);
        var repo = RepositoryName.Parse(request.Repository);
        var marker = FeedbackReplyRenderer.Marker(request.ReviewId);
        var replies = await IssueCommentWriter.FindAsync(client, repo, request.PullNumber, marker, cancellationToken);
        if (replies.Any(r => FeedbackReplyRenderer.IsFinal(r.Body)))
        {
            LogAlreadyAnswered(logger, request.DeliveryId, request.Subject);
            return;
        }

        LogStarted(logger, request.DeliveryId, request.Subject);
        var (outcome, branch) = await RunStepsAsync(client, repo, request, cancellationToken);

        // The answer is written even when this node is stopping: the run is over either way.
        await IssueCommentWriter.UpsertAsync(client, repo, request.PullNumber, marker,
            FeedbackReplyRenderer.Render(request.ReviewId, branch, outcome), CancellationToken.None);
        LogFinished(logger, request.DeliveryId, request.Subject, outcome.Result, outcome.CommitSha ?? "-", outcome.CostUsd, outcome.Reason ?? "ok");
    }

    private async Task<(FeedbackOutcome Outcome, string Branch)> RunStepsAsync(
        GitHubClient client, RepositoryName repo, FeedbackRequest request, CancellationToken cancellationToken)
    {
        var pull = await client.PullRequests.GetAsync(repo.Owner, repo.Name, request.PullNumber, cancellationToken);
        if (!pull.TryGetValue(out var pullValue))
        {
            return (FeedbackOutcome.Fail($"the pull request could not be read: {pull.Error!.Message}"), "?");
        }

        var branch = pullValue.Head.Ref;
        if (!string.Equals(pullValue.State, "open", StringComparison.Ordinal))
        {
            return (FeedbackOutcome.Skip("the pull request is no longer open"), branch);
        }

        var resolution = await resolver.ResolveAsync(client, request.Repository, request.DefaultBranch, branch, cancellationToken);
        if (resolution.Target is not { } target)
        {
            return (resolution.Status == FeedbackTargetStatus.ConfigUnreadable
                ? FeedbackOutcome.Fail(resolution.Problem ?? "the configuration could not be read")
                : FeedbackOutcome.Skip(resolution.Problem ?? "the branch is not GitBot's"), branch);
        }

        var reviews = await client.Reviews.ListAsync(repo.Owner, repo.Name, request.PullNumber, cancellationToken);
        if (!reviews.TryGetValue(out var reviewList))
        {
            return (FeedbackOutcome.Fail($"the review could not be read: {reviews.Error!.Message}"), branch);
        }

        var review = reviewList.FirstOrDefault(r => r.Id == request.ReviewId);
        if (review is null || !string.Equals(review.State, "CHANGES_REQUESTED", StringComparison.OrdinalIgnoreCase))
        {
            return (FeedbackOutcome.Skip("the review no longer requests changes (dismissed or deleted)"), branch);
        }

        if (!target.Config.Roles.TryGetValue(target.RoleName, out var role))
        {
            return (FeedbackOutcome.Fail($"role `{target.RoleName}` is not defined"), branch);
        }

        var check = await budget.CheckAsync(request.Repository, target.IssueNumber, target.Config.Limits, cancellationToken);
        if (check.IsSpent)
        {
            LogOverBudget(logger, request.DeliveryId, request.Subject, target.IssueNumber, check.IssueLimitUsd, check.SpentUsd);
            return (new FeedbackOutcome(FeedbackResult.OverBudget, null, check.Refusal(), 0m), branch);
        }

        await IssueCommentWriter.UpsertAsync(client, repo, request.PullNumber, FeedbackReplyRenderer.Marker(request.ReviewId),
            FeedbackReplyRenderer.Working(request.ReviewId, branch), cancellationToken);
        try
        {
            return (await RunAgentAsync(client, repo, request, target, role, pullValue.Head.Sha, pullValue.Title, review.Body, check.RunBudgetUsd,
                cancellationToken), branch);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (FeedbackOutcome.Fail("the run was stopped before it finished (GitBot was shutting down); request changes again to retry"), branch);
        }
    }

    private async Task<FeedbackOutcome> RunAgentAsync(GitHubClient client, RepositoryName repo, FeedbackRequest request, FeedbackTarget target,
        Core.Configuration.RoleDefinition role, string headSha, string pullTitle, string? reviewBody, decimal budgetUsd, CancellationToken cancellationToken)
    {
        var token = await client.Credentials.GetTokenAsync(cancellationToken);
        if (!token.TryGetValue(out var tokenValue))
        {
            return FeedbackOutcome.Fail($"no GitHub token for the installation: {token.Error!.Message}");
        }

        var credential = new GitCredential(tokenValue);
        var cache = await mirrors.EnsureAsync(request.Repository, request.CloneUrl, credential, cancellationToken);
        if (!cache.Succeeded)
        {
            return FeedbackOutcome.Fail($"fetching {request.Repository} failed: {cache.Error}");
        }

        var cachePath = cache.Value!;
        var done = await inspector.FindCommitWithTrailerAsync(cachePath, $"refs/remotes/origin/{target.Branch}",
            FeedbackAgentStep.FeedbackTrailer, request.ReviewId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        if (done is not null)
        {
            LogAlreadyPushed(logger, request.DeliveryId, request.Subject, done);
            return new FeedbackOutcome(FeedbackResult.AlreadyPushed, done, null, 0m);
        }

        if (await inspector.ResolveAsync(cachePath, headSha, cancellationToken) is null)
        {
            return FeedbackOutcome.Fail($"the pull request's head {headSha} is not in {target.Branch} as fetched; it moved, request changes again on the new head");
        }

        var comments = await client.Reviews.ListCommentsAsync(repo.Owner, repo.Name, request.PullNumber, request.ReviewId, cancellationToken);
        if (!comments.TryGetValue(out var commentList))
        {
            return FeedbackOutcome.Fail($"the review's comments could not be read: {comments.Error!.Message}");
        }

        var issueTitle = target.Plan?.IssueTitle;
        if (issueTitle is null)
        {
            var issue = await client.Issues.GetAsync(repo.Owner, repo.Name, target.IssueNumber, cancellationToken);
            issueTitle = issue.TryGetValue(out var issueValue) ? issueValue.Title : pullTitle;
        }

        var prompt = FeedbackPromptBuilder.Build(new FeedbackPromptInput(request.Repository, request.PullNumber, target.Branch, target.IssueNumber,
            issueTitle, reviewBody, [.. commentList.Select(c => new FeedbackComment(c.Path, c.Line, c.Body, c.StartLine))]));
        var logPath = Path.GetFullPath(Path.Combine(agentOptions.Value.LogRoot, "feedback", $"{repo.Owner}+{repo.Name}",
            $"{request.PullNumber.ToString(CultureInfo.InvariantCulture)}-{request.ReviewId.ToString(CultureInfo.InvariantCulture)}.log"));
        var outcome = await agentStep.RunAsync(new FeedbackStepInput(request, target, role, prompt, headSha, cachePath, credential, logPath,
            $"Address review feedback on #{request.PullNumber.ToString(CultureInfo.InvariantCulture)}", budgetUsd), cancellationToken);
        await budget.RecordAsync(request.Repository, target.IssueNumber, SpendingSource.Feedback, request.ReviewId.ToString(CultureInfo.InvariantCulture),
            outcome.CostUsd);
        if (outcome.Result == FeedbackResult.BranchMoved)
        {
            // Bring the cache up to date, so the next run (a new review on the new head) starts from what GitHub holds.
            await mirrors.EnsureAsync(request.Repository, request.CloneUrl, credential, cancellationToken);
        }

        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: feedback for {Subject} started")]
    private static partial void LogStarted(ILogger logger, string deliveryId, string subject);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: feedback for {Subject} already answered; nothing to do")]
    private static partial void LogAlreadyAnswered(ILogger logger, string deliveryId, string subject);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: feedback for {Subject} not run: the budget of issue #{Issue} (${LimitUsd}) is spent (${SpentUsd})")]
    private static partial void LogOverBudget(ILogger logger, string deliveryId, string subject, int issue, decimal limitUsd, decimal spentUsd);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: feedback for {Subject} was already pushed as {Sha} by an earlier run; not running the agent again")]
    private static partial void LogAlreadyPushed(ILogger logger, string deliveryId, string subject, string sha);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId}: feedback for {Subject}: {Result} (commit {Sha}, cost {CostUsd}): {Reason}")]
    private static partial void LogFinished(ILogger logger, string deliveryId, string subject, FeedbackResult result, string sha, decimal costUsd, string reason);
}
