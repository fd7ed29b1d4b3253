using Dapper;
using GitBot.Core.Reviews.Gate;
using GitBot.Storage.Connections;

namespace GitBot.Storage.Reviews;

/// <summary>
/// <see cref="IGateRecordStore"/> on SQLite or PostgreSQL over <c>pull_request_gates</c>. The upsert is one statement;
/// its <c>updated_at</c> is the later of now and one millisecond past the stored one, so two writes in one millisecond
/// (or a clock step back) still move the dashboard's live fingerprint. Conclusions are stored in lower case
/// (<c>success</c>, <c>failure</c>, <c>pending</c>), as GitHub names them.
/// </summary>
public sealed class SqlGateRecordStore(DatabaseConnectionFactory connections, TimeProvider time) : IGateRecordStore
{
    public async Task UpsertAsync(string repository, int pullNumber, string headSha, GateConclusion conclusion, string summary,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        ArgumentException.ThrowIfNullOrEmpty(headSha);
        ArgumentNullException.ThrowIfNull(summary);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO pull_request_gates (repository, pull_number, head_sha, conclusion, summary, updated_at) " +
            "VALUES (@repository, @pullNumber, @headSha, @conclusion, @summary, @now) " +
            "ON CONFLICT (repository, pull_number) DO UPDATE SET head_sha = excluded.head_sha, conclusion = excluded.conclusion, " +
            "summary = excluded.summary, updated_at = CASE WHEN excluded.updated_at > pull_request_gates.updated_at " +
            "THEN excluded.updated_at ELSE pull_request_gates.updated_at + 1 END",
            new
            {
                repository,
                pullNumber,
                headSha,
                conclusion = Name(conclusion),
                summary = GateRecord.Clean(summary),
                now = time.GetUtcNow().ToUnixTimeMilliseconds(),
            },
            cancellationToken: cancellationToken));
    }

    public async Task<GateRecord?> GetAsync(string repository, int pullNumber, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<GateRecordRow>(new CommandDefinition(
            "SELECT repository AS Repository, pull_number AS PullNumber, head_sha AS HeadSha, conclusion AS Conclusion, " +
            "summary AS Summary, updated_at AS UpdatedAt FROM pull_request_gates WHERE repository = @repository AND pull_number = @pullNumber",
            new { repository, pullNumber }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    /// <summary>The stored (GitHub) name of a conclusion.</summary>
    internal static string Name(GateConclusion conclusion) => conclusion switch
    {
        GateConclusion.Success => "success",
        GateConclusion.Failure => "failure",
        _ => "pending",
    };

    /// <summary>The conclusion a stored name stands for; anything unknown reads as pending (never green).</summary>
    internal static GateConclusion Parse(string? name) => name switch
    {
        "success" => GateConclusion.Success,
        "failure" => GateConclusion.Failure,
        _ => GateConclusion.Pending,
    };
}

/// <summary>A <c>pull_request_gates</c> row as Dapper reads it.</summary>
internal sealed class GateRecordRow
{
    public string Repository { get; set; } = string.Empty;

    public long PullNumber { get; set; }

    public string HeadSha { get; set; } = string.Empty;

    public string Conclusion { get; set; } = string.Empty;

    public string Summary { get; set; } = string.Empty;

    public long UpdatedAt { get; set; }

    public GateRecord ToRecord() => new(Repository, checked((int)PullNumber), HeadSha, SqlGateRecordStore.Parse(Conclusion), Summary,
        DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAt));
}
