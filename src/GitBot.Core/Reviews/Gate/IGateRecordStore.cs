namespace GitBot.Core.Reviews.Gate;

/// <summary>
/// The stored <c>gitbot/gate</c> decisions, one per pull request. Guarantees: <see cref="UpsertAsync"/> replaces the
/// PR's row (head, conclusion, summary) and always moves its <see cref="GateRecord.UpdatedAt"/> forward, so a reader
/// comparing that time sees every write; the summary is stored scrubbed and at most
/// <see cref="GateRecord.MaxSummaryChars"/> characters long.
/// </summary>
public interface IGateRecordStore
{
    /// <summary>Records the decision GitBot just wrote for <paramref name="pullNumber"/> at <paramref name="headSha"/>.</summary>
    Task UpsertAsync(string repository, int pullNumber, string headSha, GateConclusion conclusion, string summary, CancellationToken cancellationToken);

    /// <summary>The PR's last decision, or null when GitBot never wrote one.</summary>
    Task<GateRecord?> GetAsync(string repository, int pullNumber, CancellationToken cancellationToken);
}
