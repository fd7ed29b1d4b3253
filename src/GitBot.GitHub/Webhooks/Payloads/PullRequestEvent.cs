using GitBot.GitHub.Webhooks.Models;

namespace GitBot.GitHub.Webhooks.Payloads;

/// <summary><c>pull_request</c>: a pull request was opened, synchronized, labeled, closed, ...</summary>
public sealed record PullRequestEvent : WebhookEvent
{
    public const string EventName = "pull_request";

    public required PullRequest PullRequest { get; init; }

    /// <summary>The label added or removed, for <c>labeled</c> and <c>unlabeled</c>.</summary>
    public Label? Label { get; init; }

    /// <summary>The previous head commit, for <c>synchronize</c>.</summary>
    public string? Before { get; init; }

    /// <summary>The new head commit, for <c>synchronize</c>.</summary>
    public string? After { get; init; }
}
