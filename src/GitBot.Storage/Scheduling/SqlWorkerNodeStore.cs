using Dapper;
using GitBot.Core.Scheduling;
using GitBot.Storage.Connections;

namespace GitBot.Storage.Scheduling;

/// <summary>
/// <see cref="IWorkerNodeStore"/> on SQLite or PostgreSQL: one upsert per heartbeat keyed by the instance id, so a
/// heartbeat is idempotent and a node's row is never duplicated. Times are Unix epoch milliseconds.
/// </summary>
public sealed class SqlWorkerNodeStore(DatabaseConnectionFactory connections) : IWorkerNodeStore
{
    public async Task BeatAsync(WorkerNodeHeartbeat node, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentException.ThrowIfNullOrEmpty(node.InstanceId);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO worker_nodes (instance_id, node, host_role, slots, agent_slots, labels, started_at, last_seen, stopped_at) " +
            "VALUES (@InstanceId, @Node, @HostRole, @Slots, @AgentSlots, @Labels, @StartedAt, @SeenAt, NULL) " +
            "ON CONFLICT (instance_id) DO UPDATE SET node = excluded.node, host_role = excluded.host_role, slots = excluded.slots, " +
            "agent_slots = excluded.agent_slots, labels = excluded.labels, last_seen = excluded.last_seen, stopped_at = NULL",
            new
            {
                node.InstanceId,
                node.Node,
                node.HostRole,
                node.Slots,
                node.AgentSlots,
                node.Labels,
                StartedAt = node.StartedAt.ToUnixTimeMilliseconds(),
                SeenAt = seenAt.ToUnixTimeMilliseconds(),
            },
            cancellationToken: cancellationToken));
    }

    public async Task<bool> StopAsync(string instanceId, DateTimeOffset stoppedAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var at = stoppedAt.ToUnixTimeMilliseconds();
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE worker_nodes SET stopped_at = @at, last_seen = @at WHERE instance_id = @instanceId",
            new { instanceId, at }, cancellationToken: cancellationToken)) == 1;
    }
}
