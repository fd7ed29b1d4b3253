using System.Globalization;
using System.Text;
using GitBot.Core.Reviews.Reports;
using GitBot.GitHub.Clients;
using GitBot.GitHub.Models;
using GitBot.GitHub.Results;
using GitBot.Workflows.Plans;
using Microsoft.Extensions.Logging;

namespace GitBot.Workflows.Reviews;

/// <summary>
/// Posts a review agent's report on the head it judged: a pull request review pinned to that commit (never
/// <c>APPROVE</c>: <see cref="ReviewEventKind"/> has no such value), then the check run's annotations, conclusion and
/// summary. Older change requests of the same agent are dismissed, so a finding that disappeared stops blocking.
/// GitHub refuses <c>REQUEST_CHANGES</c> from a pull request's own author (GitBot on its own pull requests): the
/// review is then posted as a comment saying changes are requested, and the failing check still blocks the gate.
/// GitHub refuses a review whose inline comment is not on the diff: it is then posted with the comments in its body.
/// </summary>
public sealed partial class ReviewPublisher(ReviewCheckRuns checks, ILogger<ReviewPublisher> logger)
{
    /// <summary>Posts the review and completes the check run. Returns the review id, or the error that stopped it.</summary>
    public async Task<GitHubResult<long>> PublishAsync(GitHubClient client, RepositoryName repository, int pullNumber, string headSha,
        long checkRunId, ReviewReport report, string? botLogin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(report);
        var posted = await PostReviewAsync(client, repository, pullNumber, headSha, report, cancellationToken);
        if (!posted.TryGetValue(out var review))
        {
            return GitHubResult<long>.Failure(posted.Error!);
        }

        await DismissOlderAsync(client, repository, pullNumber, report.Kind, review.Id, botLogin, headSha, cancellationToken);
        var completed = await checks.CompleteAsync(client, repository.Owner, repository.Name, checkRunId, report, cancellationToken);
        return completed.IsSuccess ? GitHubResult<long>.Success(review.Id) : GitHubResult<long>.Failure(completed.Error!);
    }

    private async Task<GitHubResult<GitHubReview>> PostReviewAsync(GitHubClient client, RepositoryName repository, int pullNumber,
        string headSha, ReviewReport report, CancellationToken cancellationToken)
    {
        var reviewEvent = report.Event == ReviewEventKind.RequestChanges ? ReviewEvent.RequestChanges : ReviewEvent.Comment;
        var drafts = report.Comments.Select(c => new ReviewCommentDraft(c.Path, c.Body, c.Line, DiffSide.Right)).ToList();
        var body = report.ReviewBody;
        var result = await CreateAsync(client, repository, pullNumber, headSha, reviewEvent, body, drafts, cancellationToken);
        if (result.IsSuccess || !IsUnprocessable(result))
        {
            return result;
        }

        if (reviewEvent == ReviewEvent.RequestChanges && Mentions(result, "own pull request"))
        {
            LogOwnPullRequest(logger, repository.ToString(), pullNumber, report.Kind);
            reviewEvent = ReviewEvent.Comment;
            body = OwnPullRequestNote + body;
            result = await CreateAsync(client, repository, pullNumber, headSha, reviewEvent, body, drafts, cancellationToken);
            if (result.IsSuccess || !IsUnprocessable(result))
            {
                return result;
            }
        }

        if (drafts.Count == 0)
        {
            return result;
        }

        // An inline comment GitHub could not place (the diff it holds differs from the one reviewed): keep every word,
        // in the body.
        LogCommentsMoved(logger, repository.ToString(), pullNumber, report.Kind, result.Error!.Message);
        return await CreateAsync(client, repository, pullNumber, headSha, reviewEvent, body + CommentsAsText(report.Comments), [], cancellationToken);
    }

    private static Task<GitHubResult<GitHubReview>> CreateAsync(GitHubClient client, RepositoryName repository, int pullNumber, string headSha,
        ReviewEvent reviewEvent, string body, List<ReviewCommentDraft> drafts, CancellationToken cancellationToken) =>
        client.Reviews.CreateAsync(repository.Owner, repository.Name, pullNumber,
            new CreateReviewRequest(reviewEvent, body, headSha, drafts.Count > 0 ? drafts : null), cancellationToken);

    private async Task DismissOlderAsync(GitHubClient client, RepositoryName repository, int pullNumber, ReviewAgentKind agent, long newReviewId,
        string? botLogin, string headSha, CancellationToken cancellationToken)
    {
        if (botLogin is null)
        {
            return;
        }

        var listed = await client.Reviews.ListAsync(repository.Owner, repository.Name, pullNumber, cancellationToken);
        if (!listed.TryGetValue(out var reviews))
        {
            LogDismissFailed(logger, repository.ToString(), pullNumber, listed.Error!.Message);
            return;
        }

        var marker = ReviewAgentNames.Marker(agent);
        var stale = reviews.Where(r => r.Id != newReviewId
            && string.Equals(r.State, "CHANGES_REQUESTED", StringComparison.OrdinalIgnoreCase)
            && string.Equals(r.User?.Login, botLogin, StringComparison.OrdinalIgnoreCase)
            && r.Body is { } text && text.StartsWith(marker, StringComparison.Ordinal));
        foreach (var old in stale)
        {
            var message = string.Create(CultureInfo.InvariantCulture,
                $"Superseded by {ReviewAgentNames.DisplayName(agent)} of {headSha[..Math.Min(7, headSha.Length)]}.");
            var dismissed = await client.Reviews.DismissAsync(repository.Owner, repository.Name, pullNumber, old.Id, message, cancellationToken);
            if (!dismissed.IsSuccess)
            {
                LogDismissFailed(logger, repository.ToString(), pullNumber, dismissed.Error!.Message);
            }
        }
    }

    private const string OwnPullRequestNote = "> **Changes requested.** GitHub does not let GitBot request changes on its own pull request, so this is posted as a comment; the failing check blocks the gate.\n\n";

    private static string CommentsAsText(IReadOnlyList<ReviewInlineComment> comments)
    {
        var text = new StringBuilder("\n\n#### Inline comments\n");
        foreach (var comment in comments)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- `{comment.Path}` line {comment.Line}: ").Append(comment.Body.Replace("\n", "\n  ", StringComparison.Ordinal));
        }

        return text.ToString();
    }

    private static bool IsUnprocessable(GitHubResult<GitHubReview> result) => result.Error is { StatusCode: 422 };

    private static bool Mentions(GitHubResult<GitHubReview> result, string text) =>
        result.Error!.Message.Contains(text, StringComparison.OrdinalIgnoreCase)
        || result.Error.ValidationErrors.Any(e => e.Message?.Contains(text, StringComparison.OrdinalIgnoreCase) == true);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Repository}#{Number}: {Agent} requests changes on GitBot's own pull request; posted as a comment")]
    private static partial void LogOwnPullRequest(ILogger logger, string repository, int number, ReviewAgentKind agent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Repository}#{Number}: GitHub refused the inline comments of {Agent} ({Error}); posted them in the body")]
    private static partial void LogCommentsMoved(ILogger logger, string repository, int number, ReviewAgentKind agent, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Repository}#{Number}: dismissing an older review failed: {Error}")]
    private static partial void LogDismissFailed(ILogger logger, string repository, int number, string error);
}
