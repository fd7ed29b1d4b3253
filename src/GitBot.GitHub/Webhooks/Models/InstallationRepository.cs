namespace GitBot.GitHub.Webhooks.Models;

/// <summary>The short repository form installation events list (added, removed or covered repositories).</summary>
public sealed record InstallationRepository
{
    public required long Id { get; init; }

    public required string Name { get; init; }

    public required string FullName { get; init; }

    public bool Private { get; init; }
}
