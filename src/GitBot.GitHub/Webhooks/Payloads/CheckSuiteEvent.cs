using GitBot.GitHub.Webhooks.Models;

namespace GitBot.GitHub.Webhooks.Payloads;

/// <summary><c>check_suite</c>: a check suite was requested, re-requested or completed.</summary>
public sealed record CheckSuiteEvent : WebhookEvent
{
    public const string EventName = "check_suite";

    public required CheckSuite CheckSuite { get; init; }
}
