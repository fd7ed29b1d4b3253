using GitBot.GitHub.Webhooks.Models;

namespace GitBot.GitHub.Webhooks.Payloads;

/// <summary><c>ping</c>: sent once when a webhook is created, to check the endpoint.</summary>
public sealed record PingEvent : WebhookEvent
{
    public const string EventName = "ping";

    /// <summary>A random line of GitHub zen.</summary>
    public string? Zen { get; init; }

    public long? HookId { get; init; }

    public Hook? Hook { get; init; }
}
