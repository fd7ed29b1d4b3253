namespace GitBot.GitHub.Webhooks.Models;

/// <summary>
/// The GitHub App installation an event was sent for. Most events carry only its <c>id</c>; the
/// <c>installation</c> and <c>installation_repositories</c> events send the whole installation, so the account and
/// app fields are filled only there.
/// </summary>
public sealed record InstallationRef
{
    public required long Id { get; init; }

    /// <summary>The user or organization the App is installed on; null in ordinary events (and for enterprise installs).</summary>
    public User? Account { get; init; }

    public long? AppId { get; init; }

    /// <summary><c>User</c> or <c>Organization</c>, in installation events.</summary>
    public string? TargetType { get; init; }

    /// <summary><c>all</c> or <c>selected</c>, in installation events.</summary>
    public string? RepositorySelection { get; init; }
}
