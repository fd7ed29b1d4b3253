using GitBot.Core.Runs;
using GitBot.Core.Scheduling;
using GitBot.Storage.Runs;
using GitBot.Storage.Scheduling;
using static GitBot.Storage.Tests.Plans.PlanTestData;

namespace GitBot.Storage.Tests.Runs;

/// <summary>Runs left <c>Running</c> by a node that stopped checking in are finished as <c>Lost</c>, on both providers.</summary>
public sealed class LostRunSweepTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Window = SqlClusterStatusStore.LivenessWindowFor(TimeSpan.FromSeconds(5));

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Only_old_running_runs_of_nodes_without_an_alive_row_are_finished_as_Lost(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var runs = new SqlAgentRunStore(db.Connections);
        var nodes = new SqlWorkerNodeStore(db.Connections);
        var now = T0.AddHours(1);
        await nodes.BeatAsync(Node("alive-1", "alive"), now.AddSeconds(-3), None);
        await nodes.BeatAsync(Node("stale-1", "stale"), now - Window - TimeSpan.FromSeconds(1), None);
        await nodes.BeatAsync(Node("stopped-1", "stopped"), now.AddSeconds(-1), None);
        Assert.True(await nodes.StopAsync("stopped-1", now.AddSeconds(-1), None));

        var onAlive = await Start(runs, "alive", T0);
        var onStale = await Start(runs, "stale", T0);
        var onStopped = await Start(runs, "stopped", T0);
        var onUnknown = await Start(runs, "vanished", T0);
        var justStarted = await Start(runs, "vanished", now.AddSeconds(-2));
        var finished = await Start(runs, "vanished", T0);
        Assert.True(await runs.FinishAsync(finished, new AgentRunFinish("Succeeded", 0, 1, 1, 1, 0.01m, "done", T0.AddMinutes(1)), None));

        Assert.Equal(3, await runs.FinishLostAsync(now, Window, None));

        foreach (var (id, node) in new[] { (onStale, "stale"), (onStopped, "stopped"), (onUnknown, "vanished") })
        {
            var lost = await runs.GetAsync(id, None);
            Assert.Equal((ILostRunSweeper.LostState, $"node {node} stopped checking in", (DateTimeOffset?)Ms(now)),
                (lost!.State, lost.ExitReason, lost.FinishedAt));
            Assert.False(lost.IsRunning);
        }

        Assert.True((await runs.GetAsync(onAlive, None))!.IsRunning);
        Assert.True((await runs.GetAsync(justStarted, None))!.IsRunning);
        var kept = await runs.GetAsync(finished, None);
        Assert.Equal(("Succeeded", "done"), (kept!.State, kept.ExitReason));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task The_sweep_is_idempotent_and_a_lost_run_cannot_be_finished_again(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var runs = new SqlAgentRunStore(db.Connections);
        var now = T0.AddHours(1);
        var id = await Start(runs, "gone", T0);

        Assert.Equal(1, await runs.FinishLostAsync(now, Window, None));
        Assert.Equal(0, await runs.FinishLostAsync(now.AddMinutes(5), Window, None));
        Assert.False(await runs.FinishAsync(id, new AgentRunFinish("Succeeded", 0, 1, 1, 1, 0.01m, null, now.AddMinutes(6)), None));

        var lost = await runs.GetAsync(id, None);
        Assert.Equal((ILostRunSweeper.LostState, (DateTimeOffset?)Ms(now)), (lost!.State, lost.FinishedAt));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task A_node_that_comes_back_keeps_its_running_runs(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var runs = new SqlAgentRunStore(db.Connections);
        var nodes = new SqlWorkerNodeStore(db.Connections);
        var now = T0.AddHours(1);
        var id = await Start(runs, "flaky", T0);
        await nodes.BeatAsync(Node("flaky-1", "flaky"), T0, None);

        // An old stopped instance and a fresh one of the same node: the fresh one keeps the node alive.
        Assert.True(await nodes.StopAsync("flaky-1", T0.AddMinutes(1), None));
        await nodes.BeatAsync(Node("flaky-2", "flaky"), now, None);

        Assert.Equal(0, await runs.FinishLostAsync(now, Window, None));
        Assert.True((await runs.GetAsync(id, None))!.IsRunning);
    }

    private static WorkerNodeHeartbeat Node(string instance, string node) => new(instance, node, "worker", 2, 1, "", T0);

    private static Task<long> Start(SqlAgentRunStore runs, string node, DateTimeOffset startedAt) =>
        runs.StartAsync(new AgentRunStart(new AgentRunSubject(Repository, AgentRunKind.Task, Issue, null, null, "a"), "backend", "claude-code", node, null, startedAt), None);
}
