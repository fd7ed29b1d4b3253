using Dapper;
using GitBot.Core.Reviews.Runs;
using GitBot.Storage.Connections;

namespace GitBot.Storage.Reviews;

/// <summary>
/// <see cref="IReviewRunStore"/> on SQLite or PostgreSQL. Every operation is one statement, so each is atomic on its
/// own: the unique index on (repository, pull_number, head_sha, agent) decides between concurrent requests, and the
/// <c>attempt</c> and <c>state</c> conditions in each UPDATE make late writes of an older attempt change nothing.
/// Timestamps come from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class SqlReviewRunStore(DatabaseConnectionFactory connections, TimeProvider time) : IReviewRunStore
{
    private const string Columns =
        "id AS Id, installation_id AS InstallationId, repository AS Repository, pull_number AS PullNumber, head_sha AS HeadSha, " +
        "agent AS Agent, attempt AS Attempt, state AS State, check_run_id AS CheckRunId, review_id AS ReviewId, " +
        "conclusion AS Conclusion, title AS Title, created_at AS CreatedAt, updated_at AS UpdatedAt";

    private const string Unfinished = "state IN ('Queued', 'Running')";

    public async Task<ReviewRunRequest> RequestAsync(NewReviewRun run, bool again, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var args = new
        {
            run.InstallationId,
            run.Repository,
            PullNumber = run.PullNumber,
            run.HeadSha,
            Agent = run.Agent.ToString(),
            Now = NowMs(),
        };
        await using var connection = await connections.OpenAsync(cancellationToken);
        var inserted = await connection.QuerySingleOrDefaultAsync<ReviewRunRow>(new CommandDefinition(
            "INSERT INTO review_runs (installation_id, repository, pull_number, head_sha, agent, attempt, state, created_at, updated_at) " +
            "VALUES (@InstallationId, @Repository, @PullNumber, @HeadSha, @Agent, 1, 'Queued', @Now, @Now) " +
            "ON CONFLICT (repository, pull_number, head_sha, agent) DO NOTHING RETURNING " + Columns,
            args, cancellationToken: cancellationToken));
        if (inserted is not null)
        {
            return new ReviewRunRequest(inserted.ToRecord(), Scheduled: true);
        }

        if (again)
        {
            // Only a finished run is re-queued: a queued or running one will report on this head anyway.
            var requeued = await connection.QuerySingleOrDefaultAsync<ReviewRunRow>(new CommandDefinition(
                "UPDATE review_runs SET attempt = attempt + 1, state = 'Queued', installation_id = @InstallationId, check_run_id = NULL, " +
                "review_id = NULL, conclusion = NULL, title = NULL, updated_at = @Now " +
                "WHERE repository = @Repository AND pull_number = @PullNumber AND head_sha = @HeadSha AND agent = @Agent " +
                "AND state IN ('Completed', 'Superseded') RETURNING " + Columns,
                args, cancellationToken: cancellationToken));
            if (requeued is not null)
            {
                return new ReviewRunRequest(requeued.ToRecord(), Scheduled: true);
            }
        }

        var existing = await connection.QuerySingleAsync<ReviewRunRow>(new CommandDefinition(
            "SELECT " + Columns + " FROM review_runs " +
            "WHERE repository = @Repository AND pull_number = @PullNumber AND head_sha = @HeadSha AND agent = @Agent",
            args, cancellationToken: cancellationToken));
        return new ReviewRunRequest(existing.ToRecord(), Scheduled: false);
    }

    public async Task<ReviewRunRecord?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ReviewRunRow>(new CommandDefinition(
            "SELECT " + Columns + " FROM review_runs WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    public async Task<IReadOnlyList<ReviewRunRecord>> ListAsync(string repository, int pullNumber, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ReviewRunRow>(new CommandDefinition(
            "SELECT " + Columns + " FROM review_runs WHERE repository = @repository AND pull_number = @pullNumber ORDER BY id",
            new { repository, pullNumber }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public Task<bool> SetCheckRunAsync(long id, int attempt, long checkRunId, CancellationToken cancellationToken) =>
        UpdateAsync(
            "UPDATE review_runs SET check_run_id = @checkRunId, updated_at = @now WHERE id = @id AND attempt = @attempt AND " + Unfinished,
            new { id, attempt, checkRunId, now = NowMs() }, cancellationToken);

    public Task<bool> MarkRunningAsync(long id, int attempt, CancellationToken cancellationToken) =>
        UpdateAsync(
            "UPDATE review_runs SET state = 'Running', updated_at = @now WHERE id = @id AND attempt = @attempt AND " + Unfinished,
            new { id, attempt, now = NowMs() }, cancellationToken);

    public Task<bool> CompleteAsync(long id, int attempt, long? reviewId, string conclusion, string title, CancellationToken cancellationToken) =>
        UpdateAsync(
            "UPDATE review_runs SET state = 'Completed', review_id = @reviewId, conclusion = @conclusion, title = @title, updated_at = @now " +
            "WHERE id = @id AND attempt = @attempt AND " + Unfinished,
            new { id, attempt, reviewId, conclusion, title, now = NowMs() }, cancellationToken);

    public Task<bool> SupersedeAsync(long id, int attempt, CancellationToken cancellationToken) =>
        UpdateAsync(
            "UPDATE review_runs SET state = 'Superseded', conclusion = 'cancelled', updated_at = @now WHERE id = @id AND attempt = @attempt AND " + Unfinished,
            new { id, attempt, now = NowMs() }, cancellationToken);

    public async Task<IReadOnlyList<ReviewRunRecord>> SupersedeOtherHeadsAsync(string repository, int pullNumber, string currentHeadSha,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ReviewRunRow>(new CommandDefinition(
            "UPDATE review_runs SET state = 'Superseded', conclusion = 'cancelled', updated_at = @now " +
            "WHERE repository = @repository AND pull_number = @pullNumber AND head_sha <> @currentHeadSha AND " + Unfinished +
            " RETURNING " + Columns,
            new { repository, pullNumber, currentHeadSha, now = NowMs() }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRecord()).OrderBy(r => r.Id)];
    }

    public async Task RecordPusherAsync(string repository, string headSha, string pusher, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO pull_request_pushers (repository, head_sha, pusher, recorded_at) VALUES (@repository, @headSha, @pusher, @now) " +
            "ON CONFLICT (repository, head_sha) DO NOTHING",
            new { repository, headSha, pusher, now = NowMs() }, cancellationToken: cancellationToken));
    }

    public async Task<string?> FindPusherAsync(string repository, string headSha, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT pusher FROM pull_request_pushers WHERE repository = @repository AND head_sha = @headSha",
            new { repository, headSha }, cancellationToken: cancellationToken));
    }

    private async Task<bool> UpdateAsync(string sql, object args, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: cancellationToken)) == 1;
    }

    private long NowMs() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
