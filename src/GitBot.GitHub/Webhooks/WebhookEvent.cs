using GitBot.GitHub.Webhooks.Models;

namespace GitBot.GitHub.Webhooks;

/// <summary>
/// What every supported webhook payload shares. Each event type in <c>Payloads/</c> adds its own objects; the
/// parser picks the type from the <c>X-GitHub-Event</c> header, never from the body.
/// </summary>
public abstract record WebhookEvent
{
    /// <summary>What happened (<c>opened</c>, <c>labeled</c>, <c>created</c>, ...); null for <c>push</c> and <c>ping</c>.</summary>
    public string? Action { get; init; }

    /// <summary>Who caused the event; check <see cref="User.IsBot"/> before reacting. Absent only on some pings.</summary>
    public User? Sender { get; init; }

    /// <summary>Present when the event was sent to a GitHub App installation (always, for GitBot's App).</summary>
    public InstallationRef? Installation { get; init; }

    /// <summary>Absent for installation events and organization-level pings.</summary>
    public Repository? Repository { get; init; }
}
