using GitBot.Core.Scheduling;
using GitBot.Workflows.Scheduling;
using GitBot.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace GitBot.Workflows.Tests.Runs;

/// <summary>Each running host keeps a <c>worker_nodes</c> row fresh and marks it stopped on a clean stop.</summary>
public sealed class NodeHeartbeatTests
{
    [Fact]
    public async Task A_worker_beats_while_it_runs_and_is_marked_stopped_when_it_stops()
    {
        await using var environment = await WorkflowTestEnvironment.CreateAsync(WorkflowTestEnvironment.Postgres);
        var host = await environment.StartHostAsync(WorkflowHostRole.Worker, "node-h", settings: new Dictionary<string, string?>
        {
            ["Scheduler:Slots"] = "3",
            ["Scheduler:AgentSlots"] = "5",
            ["Scheduler:Labels"] = "large,gpu",
        });
        var heartbeat = host.Services.GetRequiredService<NodeHeartbeatService>().Heartbeat;
        var status = host.Services.GetRequiredService<IClusterStatusStore>();

        var first = Assert.Single((await status.GetAsync(CancellationToken.None)).Nodes);
        Assert.Equal(("node-h", heartbeat.InstanceId, "worker", 3, 5, "gpu,large", true),
            (first.Node, first.InstanceId, first.HostRole, first.Slots, first.AgentSlots, first.Labels, first.Alive));
        Assert.StartsWith("node-h-", first.InstanceId, StringComparison.Ordinal);

        // The check-in interval is one second here: the row's last_seen moves on.
        await Eventually.TrueAsync(
            async () => Assert.Single((await status.GetAsync(CancellationToken.None)).Nodes).LastSeen > first.LastSeen,
            "a second heartbeat");

        await host.StopAsync();
        var stopped = Assert.Single((await status.GetAsync(CancellationToken.None)).Nodes);
        Assert.NotNull(stopped.StoppedAt);
        Assert.False(stopped.Alive);
    }
}
