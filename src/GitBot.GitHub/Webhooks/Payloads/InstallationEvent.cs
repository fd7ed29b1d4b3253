using GitBot.GitHub.Webhooks.Models;

namespace GitBot.GitHub.Webhooks.Payloads;

/// <summary>
/// <c>installation</c>: the App was installed, uninstalled, suspended or had permissions accepted. The full
/// installation (account, app id) is in <see cref="WebhookEvent.Installation"/>.
/// </summary>
public sealed record InstallationEvent : WebhookEvent
{
    public const string EventName = "installation";

    /// <summary>The repositories the installation covers, when it covers selected ones; empty when GitHub sent none.</summary>
    public IReadOnlyList<InstallationRepository> Repositories { get => field ?? []; init; }

    /// <summary>Who requested the installation, when it needed approval.</summary>
    public User? Requester { get; init; }
}
