namespace GitBot.Core.Installations;

/// <summary>Installations and the repositories they cover, kept in step with installation webhooks. Upserts are idempotent.</summary>
public interface IInstallationStore
{
    Task UpsertInstallationAsync(Installation installation, CancellationToken cancellationToken);

    /// <summary>Removes the installation and all its repositories.</summary>
    Task RemoveInstallationAsync(long installationId, CancellationToken cancellationToken);

    Task<Installation?> GetInstallationAsync(long installationId, CancellationToken cancellationToken);

    Task UpsertRepositoriesAsync(IReadOnlyCollection<InstalledRepository> repositories, CancellationToken cancellationToken);

    Task RemoveRepositoriesAsync(long installationId, IReadOnlyCollection<long> repositoryIds, CancellationToken cancellationToken);

    Task<IReadOnlyList<InstalledRepository>> ListRepositoriesAsync(long installationId, CancellationToken cancellationToken);
}
