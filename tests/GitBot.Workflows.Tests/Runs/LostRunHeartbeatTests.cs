using GitBot.Core.Runs;
using GitBot.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace GitBot.Workflows.Tests.Runs;

/// <summary>A running host's heartbeat sweeps runs whose node stopped checking in, and leaves its own runs alone.</summary>
public sealed class LostRunHeartbeatTests
{
    [Fact]
    public async Task The_heartbeat_marks_a_dead_nodes_running_run_Lost_and_keeps_its_own()
    {
        await using var environment = await WorkflowTestEnvironment.CreateAsync(WorkflowTestEnvironment.Postgres);
        var host = await environment.StartHostAsync(WorkflowHostRole.Worker, "node-live");
        var runs = host.Services.GetRequiredService<IAgentRunStore>();
        var longAgo = TimeProvider.System.GetUtcNow().AddHours(-1);
        AgentRunStart Start(string node) =>
            new(new AgentRunSubject("octo/repo", AgentRunKind.Task, 5, null, null, "a"), "backend", "claude-code", node, null, longAgo);
        var dead = await runs.StartAsync(Start("node-dead"), CancellationToken.None);
        var mine = await runs.StartAsync(Start("node-live"), CancellationToken.None);

        // The check-in interval is one second here: a later heartbeat sweeps.
        var lost = await Eventually.ValueAsync(
            () => runs.GetAsync(dead, CancellationToken.None), r => r is { IsRunning: false }, "the dead node's run finished");
        Assert.Equal((ILostRunSweeper.LostState, "node node-dead stopped checking in"), (lost!.State, lost.ExitReason));
        Assert.True((await runs.GetAsync(mine, CancellationToken.None))!.IsRunning);
        await host.StopAsync();
    }
}
