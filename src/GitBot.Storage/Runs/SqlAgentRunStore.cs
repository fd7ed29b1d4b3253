using System.Globalization;
using Dapper;
using GitBot.Core.Runs;
using GitBot.Storage.Connections;

namespace GitBot.Storage.Runs;

/// <summary>
/// <see cref="IAgentRunStore"/> on SQLite or PostgreSQL. Every operation is one statement. A run is finished at most
/// once: the finishing UPDATE only matches a row whose state is still <c>Running</c>, so of two concurrent finishes one
/// changes the row and the other changes nothing. Costs are exact: PostgreSQL keeps <c>numeric</c> (written from and
/// read as invariant text), SQLite keeps invariant decimal text. Times are Unix epoch milliseconds. The lost-run sweep
/// (<see cref="ILostRunSweeper"/>) is one UPDATE over the partial index of running runs, with the same
/// <c>state = 'Running'</c> guard, so it never overwrites a normal finish.
/// </summary>
public sealed class SqlAgentRunStore(DatabaseConnectionFactory connections) : IAgentRunStore, ILostRunSweeper
{
    private bool Postgres => connections.IsPostgres;

    private string Columns => AgentRunRow.Select(Postgres);

    public async Task<long> StartAsync(AgentRunStart run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrEmpty(run.Subject.Repository);
        var zero = Postgres ? "CAST('0' AS numeric)" : "'0'";
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO agent_runs (repository, issue_number, pull_number, plan_id, task_id, attempt, kind, role, backend, node, log_path, " +
            "state, exit_code, turns, input_tokens, output_tokens, cost_usd, exit_reason, started_at, finished_at) " +
            "VALUES (@repository, @issueNumber, @pullNumber, @planId, @taskId, @attempt, @kind, @role, @backend, @node, @logPath, " +
            $"'{AgentRunRecord.RunningState}', NULL, 0, 0, 0, {zero}, NULL, @startedAt, NULL) RETURNING id",
            new
            {
                repository = run.Subject.Repository,
                issueNumber = run.Subject.IssueNumber,
                pullNumber = run.Subject.PullNumber,
                planId = run.Subject.PlanId,
                taskId = run.Subject.TaskId,
                attempt = run.Subject.Attempt,
                kind = run.Subject.Kind.ToString(),
                role = run.Role,
                backend = run.Backend,
                node = run.Node,
                logPath = run.LogPath,
                startedAt = run.StartedAt.ToUnixTimeMilliseconds(),
            },
            cancellationToken: cancellationToken));
    }

    public async Task<bool> FinishAsync(long id, AgentRunFinish finish, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(finish);
        ArgumentException.ThrowIfNullOrEmpty(finish.Outcome);
        var costIn = Postgres ? "CAST(@cost AS numeric)" : "@cost";
        await using var connection = await connections.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE agent_runs SET state = @outcome, exit_code = @exitCode, turns = @turns, input_tokens = @inputTokens, " +
            $"output_tokens = @outputTokens, cost_usd = {costIn}, exit_reason = @exitReason, finished_at = @finishedAt " +
            $"WHERE id = @id AND state = '{AgentRunRecord.RunningState}'",
            new
            {
                id,
                outcome = finish.Outcome,
                exitCode = finish.ExitCode,
                turns = finish.Turns,
                inputTokens = finish.InputTokens,
                outputTokens = finish.OutputTokens,
                cost = finish.CostUsd.ToString(CultureInfo.InvariantCulture),
                exitReason = finish.ExitReason,
                finishedAt = finish.FinishedAt.ToUnixTimeMilliseconds(),
            },
            cancellationToken: cancellationToken));
        return changed == 1;
    }

    public async Task<AgentRunRecord?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AgentRunRow>(new CommandDefinition(
            $"SELECT {Columns} FROM agent_runs r WHERE r.id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    public async Task<IReadOnlyList<AgentRunRecord>> ListForIssueAsync(string repository, int issueNumber, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        if (limit <= 0)
        {
            return [];
        }

        // Index-backed parts (ix_agent_runs_issue, ix_agent_runs_pull) joined by UNION, which also drops a run that
        // matches twice: runs naming the issue, runs on its plans' pull request, and runs on pull request #issueNumber
        // itself (GitHub numbers issues and pull requests in one sequence, so a human's PR has its reviews listed here).
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AgentRunRow>(new CommandDefinition(
            $"SELECT * FROM (SELECT {Columns} FROM agent_runs r WHERE r.repository = @repository AND r.issue_number = @issueNumber " +
            $"UNION SELECT {Columns} FROM agent_runs r WHERE r.repository = @repository AND r.pull_number IN " +
            "(SELECT p.pull_request_number FROM plans p WHERE p.repository = @repository AND p.issue_number = @issueNumber " +
            "AND p.pull_request_number IS NOT NULL) " +
            $"UNION SELECT {Columns} FROM agent_runs r WHERE r.repository = @repository AND r.pull_number = @issueNumber) AS runs ORDER BY Id DESC LIMIT @limit",
            new { repository, issueNumber, limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public async Task<IReadOnlyList<AgentRunRecord>> ListForPlanAsync(long planId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AgentRunRow>(new CommandDefinition(
            $"SELECT {Columns} FROM agent_runs r WHERE r.plan_id = @planId ORDER BY r.id", new { planId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public async Task<int> FinishLostAsync(DateTimeOffset now, TimeSpan livenessWindow, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(livenessWindow, TimeSpan.Zero);
        var nowMs = now.ToUnixTimeMilliseconds();
        var cutoff = nowMs - (long)livenessWindow.TotalMilliseconds;
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE agent_runs SET state = '{ILostRunSweeper.LostState}', " +
            "exit_reason = 'node ' || node || ' stopped checking in', finished_at = @now " +
            $"WHERE state = '{AgentRunRecord.RunningState}' AND started_at < @cutoff AND NOT EXISTS (SELECT 1 FROM worker_nodes w " +
            "WHERE w.node = agent_runs.node AND w.stopped_at IS NULL AND w.last_seen >= @cutoff)",
            new { now = nowMs, cutoff }, cancellationToken: cancellationToken));
    }
}
