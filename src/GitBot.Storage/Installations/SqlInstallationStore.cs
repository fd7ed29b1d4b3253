using Dapper;
using GitBot.Core.Installations;
using GitBot.Storage.Connections;

namespace GitBot.Storage.Installations;

/// <summary>
/// <see cref="IInstallationStore"/> on SQLite or PostgreSQL. Upserts never move a row back in time: a row is only
/// overwritten by data at least as new as its <c>updated_at</c>, so webhooks processed out of order converge.
/// </summary>
public sealed class SqlInstallationStore : IInstallationStore
{
    private const string InstallationColumns =
        "SELECT id AS Id, account_login AS AccountLogin, account_type AS AccountType, suspended AS Suspended, updated_at AS UpdatedAt FROM installations ";

    private readonly DatabaseConnectionFactory _connections;

    public SqlInstallationStore(DatabaseConnectionFactory connections) => _connections = connections;

    public async Task UpsertInstallationAsync(Installation installation, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO installations (id, account_login, account_type, suspended, updated_at) " +
            "VALUES (@Id, @AccountLogin, @AccountType, @Suspended, @UpdatedAt) " +
            "ON CONFLICT (id) DO UPDATE SET account_login = excluded.account_login, account_type = excluded.account_type, " +
            "suspended = excluded.suspended, updated_at = excluded.updated_at WHERE installations.updated_at <= excluded.updated_at",
            new
            {
                installation.Id,
                installation.AccountLogin,
                installation.AccountType,
                installation.Suspended,
                UpdatedAt = installation.UpdatedAt.ToUnixTimeMilliseconds(),
            },
            cancellationToken: cancellationToken));
    }

    public async Task RemoveInstallationAsync(long installationId, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var args = new { id = installationId };
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM repositories WHERE installation_id = @id", args, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM installations WHERE id = @id", args, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<Installation?> GetInstallationAsync(long installationId, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<InstallationRow>(new CommandDefinition(
            InstallationColumns + "WHERE id = @id", new { id = installationId }, cancellationToken: cancellationToken));
        return row?.ToInstallation();
    }

    public async Task UpsertRepositoriesAsync(IReadOnlyCollection<InstalledRepository> repositories, CancellationToken cancellationToken)
    {
        if (repositories.Count == 0)
        {
            return;
        }

        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO repositories (id, installation_id, full_name, private, updated_at) " +
            "VALUES (@Id, @InstallationId, @FullName, @Private, @UpdatedAt) " +
            "ON CONFLICT (id) DO UPDATE SET installation_id = excluded.installation_id, full_name = excluded.full_name, " +
            "private = excluded.private, updated_at = excluded.updated_at WHERE repositories.updated_at <= excluded.updated_at",
            repositories.Select(r => new { r.Id, r.InstallationId, r.FullName, r.Private, UpdatedAt = r.UpdatedAt.ToUnixTimeMilliseconds() }),
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task RemoveRepositoriesAsync(long installationId, IReadOnlyCollection<long> repositoryIds, CancellationToken cancellationToken)
    {
        if (repositoryIds.Count == 0)
        {
            return;
        }

        await using var connection = await _connections.OpenAsync(cancellationToken);
        foreach (var chunk in repositoryIds.Chunk(500))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM repositories WHERE installation_id = @installationId AND " + _connections.InArray("id", "@ids"),
                new { installationId, ids = chunk },
                cancellationToken: cancellationToken));
        }
    }

    public async Task<IReadOnlyList<InstalledRepository>> ListRepositoriesAsync(long installationId, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RepositoryRow>(new CommandDefinition(
            "SELECT id AS Id, installation_id AS InstallationId, full_name AS FullName, private AS Private, updated_at AS UpdatedAt " +
            "FROM repositories WHERE installation_id = @installationId ORDER BY full_name",
            new { installationId },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRepository()).ToList();
    }

    private sealed class InstallationRow
    {
        public long Id { get; set; }
        public string AccountLogin { get; set; } = "";
        public string AccountType { get; set; } = "";
        public bool Suspended { get; set; }
        public long UpdatedAt { get; set; }

        public Installation ToInstallation() => new(Id, AccountLogin, AccountType, DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAt), Suspended);
    }

    private sealed class RepositoryRow
    {
        public long Id { get; set; }
        public long InstallationId { get; set; }
        public string FullName { get; set; } = "";
        public bool Private { get; set; }
        public long UpdatedAt { get; set; }

        public InstalledRepository ToRepository() => new(Id, InstallationId, FullName, Private, DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAt));
    }
}
