using Dapper;
using GitBot.Core.Executors;
using GitBot.Storage.Connections;

namespace GitBot.Storage.Executors;

/// <summary>
/// <see cref="ITaskDispatchStore"/> on SQLite or PostgreSQL. Each write is one conditional statement, so concurrent
/// callers (a result and the timeout arriving together, on different nodes) see exactly one winner.
/// </summary>
public sealed class SqlTaskDispatchStore(DatabaseConnectionFactory connections) : ITaskDispatchStore
{
    private const string Columns =
        "plan_id AS PlanId, task_id AS TaskId, attempt AS Attempt, repository AS Repository, token_sha256 AS TokenSha256, " +
        "dispatched_at AS DispatchedAt, deadline AS Deadline, run_id AS RunId, reported_at AS ReportedAt";

    public async Task<bool> AddAsync(TaskDispatch dispatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO task_dispatches (plan_id, task_id, attempt, repository, token_sha256, dispatched_at, deadline, run_id, reported_at) " +
            "VALUES (@PlanId, @TaskId, @Attempt, @Repository, @Token, @DispatchedAt, @Deadline, NULL, NULL) " +
            "ON CONFLICT (plan_id, task_id, attempt) DO NOTHING",
            new
            {
                dispatch.PlanId,
                dispatch.TaskId,
                dispatch.Attempt,
                dispatch.Repository,
                Token = dispatch.TokenSha256.ToArray(),
                DispatchedAt = dispatch.DispatchedAt.ToUnixTimeMilliseconds(),
                Deadline = dispatch.Deadline.ToUnixTimeMilliseconds(),
            },
            cancellationToken: cancellationToken));
        return inserted == 1;
    }

    public Task<TaskDispatch?> FindAsync(long planId, string taskId, int attempt, CancellationToken cancellationToken) =>
        QueryAsync("plan_id = @planId AND task_id = @taskId AND attempt = @attempt", new { planId, taskId, attempt }, cancellationToken);

    public Task<TaskDispatch?> FindByRunAsync(string repository, long runId, CancellationToken cancellationToken) =>
        QueryAsync("repository = @repository AND run_id = @runId", new { repository, runId }, cancellationToken);

    public async Task<bool> SetRunIdAsync(long planId, string taskId, int attempt, long runId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE task_dispatches SET run_id = @runId " +
            "WHERE plan_id = @planId AND task_id = @taskId AND attempt = @attempt AND (run_id IS NULL OR run_id = @runId)",
            new { planId, taskId, attempt, runId }, cancellationToken: cancellationToken));
        return updated == 1;
    }

    public async Task<bool> MarkReportedAsync(long planId, string taskId, int attempt, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE task_dispatches SET reported_at = @at " +
            "WHERE plan_id = @planId AND task_id = @taskId AND attempt = @attempt AND reported_at IS NULL",
            new { planId, taskId, attempt, at = at.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
        return updated == 1;
    }

    private async Task<TaskDispatch?> QueryAsync(string where, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<DispatchRow>(new CommandDefinition(
            $"SELECT {Columns} FROM task_dispatches WHERE {where} ORDER BY dispatched_at DESC", parameters, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new TaskDispatch(row.PlanId, row.TaskId, (int)row.Attempt, row.Repository, row.TokenSha256,
                DateTimeOffset.FromUnixTimeMilliseconds(row.DispatchedAt), DateTimeOffset.FromUnixTimeMilliseconds(row.Deadline),
                row.RunId, row.ReportedAt is { } reported ? DateTimeOffset.FromUnixTimeMilliseconds(reported) : null);
    }

    /// <summary>A <c>task_dispatches</c> row as Dapper reads it.</summary>
    private sealed class DispatchRow
    {
        public long PlanId { get; set; }

        public string TaskId { get; set; } = string.Empty;

        public long Attempt { get; set; }

        public string Repository { get; set; } = string.Empty;

        public byte[] TokenSha256 { get; set; } = [];

        public long DispatchedAt { get; set; }

        public long Deadline { get; set; }

        public long? RunId { get; set; }

        public long? ReportedAt { get; set; }
    }
}
