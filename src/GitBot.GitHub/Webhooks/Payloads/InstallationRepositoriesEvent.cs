using GitBot.GitHub.Webhooks.Models;

namespace GitBot.GitHub.Webhooks.Payloads;

/// <summary><c>installation_repositories</c>: repositories were added to or removed from an installation.</summary>
public sealed record InstallationRepositoriesEvent : WebhookEvent
{
    public const string EventName = "installation_repositories";

    /// <summary><c>all</c> or <c>selected</c>.</summary>
    public string? RepositorySelection { get; init; }

    public IReadOnlyList<InstallationRepository> RepositoriesAdded { get => field ?? []; init; }

    public IReadOnlyList<InstallationRepository> RepositoriesRemoved { get => field ?? []; init; }
}
