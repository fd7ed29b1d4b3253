using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using GitBot.Core.Dashboard.Sessions;
using GitBot.Storage.Connections;

namespace GitBot.Storage.Dashboard;

/// <summary>
/// <see cref="IDashboardSessionStore"/> over <c>dashboard_sessions</c> on SQLite or PostgreSQL. Only the id's SHA-256
/// is a column; the repositories are a JSON array of "owner/name"; times are Unix epoch milliseconds.
/// </summary>
public sealed class SqlDashboardSessionStore(DatabaseConnectionFactory connections) : IDashboardSessionStore
{
    public async Task CreateAsync(DashboardSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(session.IdSha256);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO dashboard_sessions (id_sha256, login, repositories, created_at, refresh_after, expires_at) " +
            "VALUES (@IdSha256, @Login, @Repositories, @CreatedAt, @RefreshAfter, @ExpiresAt)",
            new
            {
                session.IdSha256,
                session.Login,
                Repositories = JsonSerializer.Serialize(session.Repositories.ToArray(), DashboardSessionJsonContext.Default.StringArray),
                CreatedAt = session.CreatedAt.ToUnixTimeMilliseconds(),
                RefreshAfter = session.RefreshAfter.ToUnixTimeMilliseconds(),
                ExpiresAt = session.ExpiresAt.ToUnixTimeMilliseconds(),
            },
            cancellationToken: cancellationToken));
    }

    public async Task<DashboardSession?> FindAsync(byte[] idSha256, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idSha256);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<DashboardSessionRow>(new CommandDefinition(
            "SELECT id_sha256 AS IdSha256, login AS Login, repositories AS Repositories, created_at AS CreatedAt, " +
            "refresh_after AS RefreshAfter, expires_at AS ExpiresAt FROM dashboard_sessions WHERE id_sha256 = @idSha256",
            new { idSha256 }, cancellationToken: cancellationToken));
        return row?.ToSession();
    }

    public async Task<bool> DeleteAsync(byte[] idSha256, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idSha256);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM dashboard_sessions WHERE id_sha256 = @idSha256", new { idSha256 }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM dashboard_sessions WHERE expires_at <= @now",
            new { now = now.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
    }
}

/// <summary>A <c>dashboard_sessions</c> row as Dapper reads it.</summary>
internal sealed class DashboardSessionRow
{
    public byte[] IdSha256 { get; set; } = [];

    public string Login { get; set; } = "";

    public string Repositories { get; set; } = "[]";

    public long CreatedAt { get; set; }

    public long RefreshAfter { get; set; }

    public long ExpiresAt { get; set; }

    public DashboardSession ToSession() => new(
        IdSha256,
        Login,
        JsonSerializer.Deserialize(Repositories, DashboardSessionJsonContext.Default.StringArray) ?? [],
        DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
        DateTimeOffset.FromUnixTimeMilliseconds(RefreshAfter),
        DateTimeOffset.FromUnixTimeMilliseconds(ExpiresAt));
}

/// <summary>Source-generated JSON for the repositories column.</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class DashboardSessionJsonContext : JsonSerializerContext;
