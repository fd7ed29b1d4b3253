using System.Data;
using System.Data.Common;
using System.Text.Json;
using Dapper;
using GitBot.Core.Auditing;
using GitBot.Core.Plans;
using GitBot.Storage.Connections;
using Microsoft.Data.Sqlite;

namespace GitBot.Storage.Plans;

/// <summary>
/// <see cref="IPlanStore"/> on SQLite or PostgreSQL. Guarantees:
/// <list type="bullet">
/// <item>At most one unfinished plan per repository and issue: a unique index on <c>active_key</c>
/// (<c>owner/name#issue</c> while unfinished, NULL once finished) decides between concurrent creates on any node.</item>
/// <item><see cref="ApplyAsync"/> writes the plan, its changed tasks and the audit entries in one transaction, and only
/// when the plan is still at the expected version, so two nodes acting on the same snapshot cannot both succeed.
/// Writes take SQLite's write lock up front (<c>BEGIN IMMEDIATE</c>, waiting out other writers via the connection's
/// busy timeout); on PostgreSQL the row lock of the versioned UPDATE serializes them at READ COMMITTED.</item>
/// <item>Reads return a plan and its tasks from one snapshot (a deferred read transaction on SQLite, REPEATABLE READ on
/// PostgreSQL), so a snapshot never mixes two versions.</item>
/// <item>Timestamps are stored as Unix epoch milliseconds: values read back are UTC, truncated to the millisecond.
/// <see cref="PlanRecord.CreatedAt"/> and <see cref="PlanRecord.UpdatedAt"/> come from the injected
/// <see cref="TimeProvider"/>, whatever the caller put in the record.</item>
/// </list>
/// </summary>
public sealed partial class SqlPlanStore : IPlanStore
{
    private const int TaskReadChunk = 500;

    private readonly DatabaseConnectionFactory _connections;
    private readonly TimeProvider _time;
    private readonly PlanSql _sql;

    public SqlPlanStore(DatabaseConnectionFactory connections, TimeProvider time)
    {
        _connections = connections;
        _time = time;
        _sql = new PlanSql(connections.IsPostgres);
    }

    public async Task<PlanCreation> CreateAsync(NewPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var key = PlanSql.ActiveKey(plan.Repository, plan.IssueNumber);
        // Each round either returns or saw a conflicting plan that finished before it could be read, which freed the
        // issue; so the loop ends as soon as the issue stops changing under it.
        while (true)
        {
            await using var connection = await _connections.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var existing = await ReadPlansAsync(connection, transaction, PlanSql.WhereActive, new { key }, cancellationToken);
            if (existing.Count > 0)
            {
                // Disposing the transaction rolls back: a duplicate trigger writes nothing.
                return new PlanCreation(existing[0], Created: false);
            }

            var now = Now();
            var nowMs = now.ToUnixTimeMilliseconds();
            var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                PlanSql.InsertPlan,
                new
                {
                    plan.InstallationId,
                    plan.Repository,
                    plan.IssueNumber,
                    plan.IssueTitle,
                    State = nameof(PlanState.Planning),
                    plan.TriggerLabel,
                    plan.RequestedBy,
                    plan.DefaultBranch,
                    plan.CloneUrl,
                    plan.ConfigSnapshot,
                    ActiveKey = key,
                    Now = nowMs,
                },
                transaction,
                cancellationToken: cancellationToken));
            if (id is not long planId)
            {
                // Another create committed between our read and our insert; the next round returns its plan.
                continue;
            }

            var details = JsonSerializer.Serialize(new PlanCreatedDetails(planId, plan.TriggerLabel), PlanJsonContext.Default.PlanCreatedDetails);
            var audit = new AuditEntry(now, plan.RequestedBy, "plan.created", key, details, plan.DeliveryId);
            await connection.ExecuteAsync(new CommandDefinition(PlanSql.InsertAudit, AuditRow.From(audit), transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            var record = new PlanRecord(
                planId,
                plan.InstallationId,
                plan.Repository,
                plan.IssueNumber,
                plan.IssueTitle,
                PlanState.Planning,
                1,
                plan.TriggerLabel,
                plan.RequestedBy,
                plan.DefaultBranch,
                plan.CloneUrl,
                plan.ConfigSnapshot,
                null,
                null,
                null,
                now,
                now);
            return new PlanCreation(record, Created: true);
        }
    }

    public Task<PlanSnapshot?> GetAsync(long planId, CancellationToken cancellationToken) =>
        ReadOneAsync(PlanSql.WhereId, new { id = planId }, cancellationToken);

    public Task<PlanSnapshot?> FindActiveAsync(string repository, int issueNumber, CancellationToken cancellationToken) =>
        ReadOneAsync(PlanSql.WhereActive, new { key = PlanSql.ActiveKey(repository, issueNumber) }, cancellationToken);

    public Task<PlanSnapshot?> FindLatestAsync(string repository, int issueNumber, CancellationToken cancellationToken) =>
        ReadOneAsync(PlanSql.WhereLatest, new { repository, issueNumber }, cancellationToken);

    public async Task<IReadOnlyList<PlanSnapshot>> ListUnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = await BeginReadAsync(connection, cancellationToken);
        return await ReadSnapshotsAsync(connection, transaction, PlanSql.WhereUnfinished, null, cancellationToken);
    }

    public async Task<bool> ApplyAsync(PlanChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var plan = change.Plan;
        if (change.Tasks.FirstOrDefault(t => t.PlanId != plan.Id) is { } stray)
        {
            throw new ArgumentException($"Task '{stray.Id}' belongs to plan {stray.PlanId}, not to plan {plan.Id}.", nameof(change));
        }

        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            PlanSql.UpdatePlan,
            new
            {
                plan.Id,
                change.ExpectedVersion,
                plan.InstallationId,
                plan.IssueTitle,
                State = plan.State.ToString(),
                plan.TriggerLabel,
                plan.RequestedBy,
                plan.DefaultBranch,
                plan.CloneUrl,
                plan.ConfigSnapshot,
                plan.PlanCommentId,
                plan.PullRequestNumber,
                plan.Reason,
                // A finished plan frees its issue for the next trigger. (Moving a finished plan back to unfinished
                // while the issue has another unfinished plan violates the unique index: that is a caller's bug.)
                ActiveKey = plan.IsFinished ? null : PlanSql.ActiveKey(plan.Repository, plan.IssueNumber),
                UpdatedAt = Now().ToUnixTimeMilliseconds(),
            },
            transaction,
            cancellationToken: cancellationToken));
        if (updated == 0)
        {
            // Stale version (or no such plan): disposing the transaction rolls back; nothing was written.
            return false;
        }

        if (change.Tasks.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                _sql.UpsertTask, change.Tasks.Select(TaskRow.From), transaction, cancellationToken: cancellationToken));
        }

        if (change.Audit.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                PlanSql.InsertAudit, change.Audit.Select(AuditRow.From), transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<PlanSnapshot?> ReadOneAsync(string filter, object args, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = await BeginReadAsync(connection, cancellationToken);
        var snapshots = await ReadSnapshotsAsync(connection, transaction, filter, args, cancellationToken);
        return snapshots.Count == 0 ? null : snapshots[0];
    }

    private async Task<IReadOnlyList<PlanSnapshot>> ReadSnapshotsAsync(
        DbConnection connection, DbTransaction transaction, string filter, object? args, CancellationToken cancellationToken)
    {
        var plans = await ReadPlansAsync(connection, transaction, filter, args, cancellationToken);
        if (plans.Count == 0)
        {
            return [];
        }

        var tasks = new List<TaskRecord>();
        foreach (var chunk in plans.Select(p => p.Id).Chunk(TaskReadChunk))
        {
            var rows = await connection.QueryAsync<TaskRow>(new CommandDefinition(
                _sql.SelectTasks + "WHERE " + _connections.InArray("plan_id", "@ids") + " ORDER BY plan_id, ordinal",
                new { ids = chunk },
                transaction,
                cancellationToken: cancellationToken));
            tasks.AddRange(rows.Select(r => r.ToRecord()));
        }

        var byPlan = tasks.ToLookup(t => t.PlanId);
        return plans.Select(p => new PlanSnapshot(p, byPlan[p.Id].ToList())).ToList();
    }

    private static async Task<List<PlanRecord>> ReadPlansAsync(
        DbConnection connection, DbTransaction transaction, string filter, object? args, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<PlanRow>(new CommandDefinition(
            PlanSql.SelectPlans + filter, args, transaction, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    /// <summary>A read-only snapshot: SQLite's deferred transaction takes no write lock; PostgreSQL's REPEATABLE READ keeps one snapshot for both queries.</summary>
    private async ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        _connections.IsPostgres
            ? await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken)
            : ((SqliteConnection)connection).BeginTransaction(deferred: true);

    /// <summary>The current time at the precision it is stored with, so a returned record equals the one read back later.</summary>
    private DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(_time.GetUtcNow().ToUnixTimeMilliseconds());
}
