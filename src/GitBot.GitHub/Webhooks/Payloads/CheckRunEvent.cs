using GitBot.GitHub.Webhooks.Models;

namespace GitBot.GitHub.Webhooks.Payloads;

/// <summary><c>check_run</c>: a check run was created, completed, re-requested or had a button pressed.</summary>
public sealed record CheckRunEvent : WebhookEvent
{
    public const string EventName = "check_run";

    public required CheckRun CheckRun { get; init; }

    /// <summary>The button pressed, for <c>requested_action</c>.</summary>
    public RequestedAction? RequestedAction { get; init; }
}
