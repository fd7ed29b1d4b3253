using GitBot.Core.Plans;

namespace GitBot.Storage.Plans;

/// <summary>Listing every plan (for <c>gitbot status</c>): one read snapshot, like the other reads.</summary>
public sealed partial class SqlPlanStore
{
    private const string WhereAll = "ORDER BY id";

    private const string WhereRepository = "WHERE repository = @repository ORDER BY id";

    public async Task<IReadOnlyList<PlanSnapshot>> ListAsync(string? repository, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = await BeginReadAsync(connection, cancellationToken);
        return repository is null
            ? await ReadSnapshotsAsync(connection, transaction, WhereAll, null, cancellationToken)
            : await ReadSnapshotsAsync(connection, transaction, WhereRepository, new { repository }, cancellationToken);
    }
}
