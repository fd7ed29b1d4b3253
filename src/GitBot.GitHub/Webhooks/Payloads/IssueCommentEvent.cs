using GitBot.GitHub.Webhooks.Models;

namespace GitBot.GitHub.Webhooks.Payloads;

/// <summary>
/// <c>issue_comment</c>: a comment on an issue or a pull request conversation was created, edited or deleted
/// (<see cref="Issue.IsPullRequest"/> tells which).
/// </summary>
public sealed record IssueCommentEvent : WebhookEvent
{
    public const string EventName = "issue_comment";

    public required Issue Issue { get; init; }

    public required IssueComment Comment { get; init; }
}
