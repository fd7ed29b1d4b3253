namespace GitBot.Core.Dashboard.Sessions;

/// <summary>
/// Dashboard sign-in sessions, keyed by the SHA-256 of the session id (never the id itself). Guarantees: a created
/// session is found until deleted or purged; <see cref="FindAsync"/> returns expired sessions too (the caller decides,
/// with its clock); <see cref="PurgeExpiredAsync"/> removes exactly those with <c>expires_at &lt;= now</c>.
/// </summary>
public interface IDashboardSessionStore
{
    /// <summary>Stores a new session. Ids are random 32-byte values, so a collision is a bug and throws.</summary>
    Task CreateAsync(DashboardSession session, CancellationToken cancellationToken);

    /// <summary>The session with this id hash, or null.</summary>
    Task<DashboardSession?> FindAsync(byte[] idSha256, CancellationToken cancellationToken);

    /// <summary>Deletes the session; false when there was none.</summary>
    Task<bool> DeleteAsync(byte[] idSha256, CancellationToken cancellationToken);

    /// <summary>Deletes every session expired at <paramref name="now"/>; returns how many.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
