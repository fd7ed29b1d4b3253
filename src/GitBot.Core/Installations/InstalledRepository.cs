namespace GitBot.Core.Installations;

/// <summary>A repository an installation gives GitBot access to.</summary>
public sealed record InstalledRepository(
    long Id,
    long InstallationId,
    string FullName,
    bool Private,
    DateTimeOffset UpdatedAt);
