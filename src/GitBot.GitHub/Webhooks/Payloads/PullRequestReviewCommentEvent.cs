using GitBot.GitHub.Webhooks.Models;

namespace GitBot.GitHub.Webhooks.Payloads;

/// <summary><c>pull_request_review_comment</c>: an inline diff comment was created, edited or deleted.</summary>
public sealed record PullRequestReviewCommentEvent : WebhookEvent
{
    public const string EventName = "pull_request_review_comment";

    public required ReviewComment Comment { get; init; }

    public required PullRequest PullRequest { get; init; }
}
