using System.Net;
using GitBot.Core.Plans;
using GitBot.Core.Reviews.Gate;
using GitBot.Core.Runs;
using GitBot.Storage.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace GitBot.Server.Tests.Dashboard.Pages;

/// <summary>
/// The issue page's <c>#gate</c> shows the stored <c>gitbot/gate</c> decision (conclusion and what is missing), moves
/// live when it changes, and says "derived" when none is stored; a run lost with its node ends its log stream.
/// </summary>
public sealed class DashboardGatePageTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(TestServer.Sqlite)]
    [InlineData(TestServer.Postgres)]
    public async Task The_gate_shows_the_stored_conclusion_and_what_is_missing_and_changes_live(string provider)
    {
        await using var server = await TestServer.StartAsync(provider, DashboardSeed.Settings());
        var seed = new DashboardSeed(server);
        var gates = server.App.Services.GetRequiredService<IGateRecordStore>();
        await seed.PlanAsync(12, "Gated", TaskState.Succeeded, TaskState.Succeeded, TaskState.Succeeded, pull: 40);
        await seed.ChecksAsync(40);

        var derived = await GetAsync(server, "/repos/octo/widgets/issues/12");
        Assert.Contains("<p id=\"gate\" data-gate=\"failure\">Gate (derived from the stored review checks): failure</p>", derived, StringComparison.Ordinal);

        await gates.UpsertAsync(DashboardSeed.Repository, 40, "abc123", GateConclusion.Pending,
            "needs 1 more approval from someone with write access\ngitbot/judge has not reported <yet>", None);
        var page = await GetAsync(server, "/repos/octo/widgets/issues/12");
        Assert.Contains(
            "<p id=\"gate\" data-gate=\"pending\" data-gate-head=\"abc123\">Gate: pending (gitbot/gate at <code>abc123</code>). Missing:" +
            "<br>- needs 1 more approval from someone with write access<br>- gitbot/judge has not reported &lt;yet&gt;</p>",
            page, StringComparison.Ordinal);
        Assert.DoesNotContain("derived", page, StringComparison.Ordinal);

        using var response = await server.Client.SendAsync(DashboardSeed.Admin("/repos/octo/widgets/issues/12/events"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var events = new SseReader(await response.Content.ReadAsStreamAsync());
        // The broadcaster's first poll only primes its fingerprint and may run after a write, so the write is repeated
        // (each one moves updated_at) until the viewer gets the event.
        using var stopWriting = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            while (!stopWriting.IsCancellationRequested)
            {
                await gates.UpsertAsync(DashboardSeed.Repository, 40, "abc123", GateConclusion.Success, "Ready to merge: every requirement is met", None);
                await Task.WhenAny(Task.Delay(500, stopWriting.Token));
            }
        });
        var live = await events.WaitForAsync(e => e.Name == "live" && e.Data.Contains("data-gate=\"success\"", StringComparison.Ordinal));
        await stopWriting.CancelAsync();
        await writer;
        Assert.Contains("Gate: success (gitbot/gate at <code>abc123</code>): Ready to merge: every requirement is met</p>", live.Data, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestServer.Sqlite)]
    [InlineData(TestServer.Postgres)]
    public async Task A_run_lost_with_its_node_ends_its_log_stream(string provider)
    {
        using var logs = new GitBot.Testing.TempDirectory("gitbot-lost-log");
        var log = Path.Combine(logs.Path, "run.log");
        await File.WriteAllTextAsync(log, "started\nworking\n");
        await using var server = await TestServer.StartAsync(provider, DashboardSeed.Settings());
        var seed = new DashboardSeed(server);
        await seed.PlanAsync(12, "Lost", TaskState.Running, TaskState.Pending, TaskState.Pending);
        var run = await seed.Runs.StartAsync(new AgentRunStart(new AgentRunSubject(DashboardSeed.Repository, AgentRunKind.Task, 12, null, null, "A"),
            "backend", "claude-code", "killed-node", log, TimeProvider.System.GetUtcNow().AddHours(-1)), None);

        using var response = await server.Client.SendAsync(DashboardSeed.Admin($"/runs/{run}/log/events"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var events = new SseReader(await response.Content.ReadAsStreamAsync());
        await events.WaitForAsync(e => e.Name == "log" && e.Data.Contains("working", StringComparison.Ordinal));

        // killed-node never checked in: the sweep (as every heartbeat runs it; the server's own may have run first)
        // finishes the run, and the stream ends.
        var sweeper = server.App.Services.GetRequiredService<ILostRunSweeper>();
        await sweeper.FinishLostAsync(TimeProvider.System.GetUtcNow(), SqlClusterStatusStore.LivenessWindowFor(TimeSpan.FromSeconds(5)), None);
        var end = await events.WaitForAsync(e => e.Name == "end");
        Assert.Equal(ILostRunSweeper.LostState, end.Data);
        var lost = await seed.Runs.GetAsync(run, None);
        Assert.Equal("node killed-node stopped checking in", lost!.ExitReason);
    }

    private static async Task<string> GetAsync(TestServer server, string path)
    {
        using var response = await server.Client.SendAsync(DashboardSeed.Admin(path));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return body;
    }
}
