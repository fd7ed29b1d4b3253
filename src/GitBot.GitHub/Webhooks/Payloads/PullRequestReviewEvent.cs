using GitBot.GitHub.Webhooks.Models;

namespace GitBot.GitHub.Webhooks.Payloads;

/// <summary><c>pull_request_review</c>: a review was submitted, edited or dismissed.</summary>
public sealed record PullRequestReviewEvent : WebhookEvent
{
    public const string EventName = "pull_request_review";

    public required Review Review { get; init; }

    public required PullRequest PullRequest { get; init; }
}
