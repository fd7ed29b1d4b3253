using Dapper;
using GitBot.Core.Scheduling;
using GitBot.Storage.Connections;

namespace GitBot.Storage.Scheduling;

/// <summary>
/// <see cref="IClusterStatusStore"/> over Quartz's tables and <c>worker_nodes</c>, on SQLite or PostgreSQL. Quartz
/// stores times as .NET ticks (UTC); <c>worker_nodes</c> as epoch milliseconds. Queue depth counts triggers in state
/// <c>WAITING</c> whose next fire time has come (a job scheduled for later is not queued yet); running jobs are fired
/// triggers in state <c>EXECUTING</c>. A node is alive when it has not stopped and was seen within
/// <paramref name="livenessWindow"/> (three check-in intervals). Before Quartz has provisioned its tables (a fresh
/// database whose scheduler has not started) the status has no jobs rather than failing. The reads are separate
/// statements, so the parts may be a few milliseconds apart; each part is consistent on its own.
/// </summary>
public sealed class SqlClusterStatusStore(DatabaseConnectionFactory connections, TimeProvider time, TimeSpan livenessWindow) : IClusterStatusStore
{
    /// <summary>Three check-ins: one late heartbeat does not make a node look dead.</summary>
    public static TimeSpan LivenessWindowFor(TimeSpan checkinInterval) => checkinInterval * 3;

    public async Task<ClusterStatus> GetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        var quartz = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            connections.IsPostgres
                ? "SELECT CASE WHEN to_regclass('qrtz_triggers') IS NULL OR to_regclass('qrtz_fired_triggers') IS NULL THEN 0 ELSE 1 END"
                : "SELECT COUNT(*) / 2 FROM sqlite_master WHERE type = 'table' AND lower(name) IN ('qrtz_triggers', 'qrtz_fired_triggers')",
            cancellationToken: cancellationToken)) == 1;

        List<QueuedRow> queued = [];
        List<FiredRow> fired = [];
        if (quartz)
        {
            queued = [.. await connection.QueryAsync<QueuedRow>(new CommandDefinition(
                "SELECT sched_name AS Scheduler, SUM(CASE WHEN trigger_state = 'WAITING' AND next_fire_time <= @nowTicks THEN 1 ELSE 0 END) AS Depth " +
                "FROM qrtz_triggers GROUP BY sched_name",
                new { nowTicks = now.UtcTicks }, cancellationToken: cancellationToken))];
            fired = [.. await connection.QueryAsync<FiredRow>(new CommandDefinition(
                "SELECT sched_name AS Scheduler, job_group AS JobGroup, job_name AS JobName, instance_name AS InstanceId, " +
                "fired_time AS FiredTicks FROM qrtz_fired_triggers WHERE state = 'EXECUTING' ORDER BY fired_time",
                cancellationToken: cancellationToken))];
        }

        var nodes = await connection.QueryAsync<NodeRow>(new CommandDefinition(
            "SELECT instance_id AS InstanceId, node AS Node, host_role AS HostRole, slots AS Slots, agent_slots AS AgentSlots, " +
            "labels AS Labels, started_at AS StartedAt, last_seen AS LastSeen, stopped_at AS StoppedAt FROM worker_nodes",
            cancellationToken: cancellationToken));

        var aliveSince = (now - livenessWindow).ToUnixTimeMilliseconds();
        var workers = nodes
            .Select(n => new WorkerNode(n.Node, n.InstanceId, n.HostRole, n.Slots, n.AgentSlots, n.Labels,
                DateTimeOffset.FromUnixTimeMilliseconds(n.StartedAt), DateTimeOffset.FromUnixTimeMilliseconds(n.LastSeen),
                n.StoppedAt is { } stopped ? DateTimeOffset.FromUnixTimeMilliseconds(stopped) : null,
                n.StoppedAt is null && n.LastSeen >= aliveSince))
            .OrderByDescending(n => n.Alive).ThenBy(n => n.Node, StringComparer.Ordinal).ThenBy(n => n.InstanceId, StringComparer.Ordinal)
            .ToList();

        // Every scheduler that is known (has jobs queued or running) appears, with 0 when nothing is due.
        var depths = queued.ToDictionary(q => q.Scheduler, q => (int)q.Depth, StringComparer.Ordinal);
        foreach (var scheduler in fired.Select(f => f.Scheduler))
        {
            depths.TryAdd(scheduler, 0);
        }

        return new ClusterStatus(
            [.. depths.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => new QueuedJobs(d.Key, d.Value))],
            [.. fired.Select(f => new RunningJob(f.Scheduler, f.JobGroup ?? "", f.JobName ?? "", f.InstanceId, new DateTimeOffset(f.FiredTicks, TimeSpan.Zero)))],
            workers,
            now);
    }
}
