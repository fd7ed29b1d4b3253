using GitBot.GitHub.Webhooks.Models;

namespace GitBot.GitHub.Webhooks.Payloads;

/// <summary><c>issues</c>: an issue was opened, edited, labeled, closed, ...</summary>
public sealed record IssuesEvent : WebhookEvent
{
    public const string EventName = "issues";

    public required Issue Issue { get; init; }

    /// <summary>The label added or removed, for <c>labeled</c> and <c>unlabeled</c>.</summary>
    public Label? Label { get; init; }
}
