namespace GitBot.Core.Dashboard.Sessions;

/// <summary>
/// A dashboard sign-in. <see cref="IdSha256"/> is the SHA-256 of the cookie value (<see cref="DashboardSessionId"/>); the
/// cookie value itself and the user's GitHub token are never stored. <see cref="Repositories"/> ("owner/name") are the
/// repositories the user could access at sign-in; after <see cref="RefreshAfter"/> the session is no longer honoured so
/// the user passes through GitHub again and the list is re-read.
/// </summary>
public sealed record DashboardSession(
    byte[] IdSha256,
    string Login,
    IReadOnlyList<string> Repositories,
    DateTimeOffset CreatedAt,
    DateTimeOffset RefreshAfter,
    DateTimeOffset ExpiresAt)
{
    /// <summary>True when the session may still be used at <paramref name="now"/> (before both refresh and expiry).</summary>
    public bool IsUsableAt(DateTimeOffset now) => now < RefreshAfter && now < ExpiresAt;
}
