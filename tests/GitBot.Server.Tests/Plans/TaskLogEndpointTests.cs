using System.Net;
using GitBot.Core.Plans;
using GitBot.Workflows.Logs;
using Microsoft.Extensions.DependencyInjection;

namespace GitBot.Server.Tests.Plans;

/// <summary>The log link of the plan comment: served only with its signature, scrubbed, and honest about where a log lives.</summary>
public sealed class TaskLogEndpointTests
{
    [Fact]
    public async Task Task_log_is_served_only_through_its_signed_link_and_scrubbed()
    {
        await using var server = await TestServer.StartAsync(TestServer.Sqlite, TestServer.ConfiguredApp());
        var store = server.App.Services.GetRequiredService<IPlanStore>();
        var signer = server.App.Services.GetRequiredService<TaskLogLinkSigner>();
        var logPath = Path.Combine(Path.GetTempPath(), $"gitbot-log-{Guid.NewGuid():N}.log");
        await File.WriteAllTextAsync(logPath, "agent says hello\ntoken ghp_abcdefghijklmnopqrstuvwxyz0123456789 leaked\n");
        try
        {
            var planId = await CreatePlanWithTaskAsync(store, "1", logPath, "node-a");
            var missingId = await CreatePlanWithTaskAsync(store, "1", "/nonexistent/gitbot.log", "node-b", issue: 8);

            var ok = await server.Client.GetAsync($"/plans/{planId}/tasks/1/log?sig={signer.Sign(planId, "1")}");
            var text = await ok.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Contains("agent says hello", text, StringComparison.Ordinal);
            Assert.DoesNotContain("ghp_abcdefghijklmnopqrstuvwxyz0123456789", text, StringComparison.Ordinal);

            Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync($"/plans/{planId}/tasks/1/log")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync($"/plans/{planId}/tasks/1/log?sig={signer.Sign(planId, "2")}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync($"/plans/{planId}/tasks/2/log?sig={signer.Sign(planId, "2")}")).StatusCode);

            var elsewhere = await server.Client.GetAsync($"/plans/{missingId}/tasks/1/log?sig={signer.Sign(missingId, "1")}");
            Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
            Assert.Contains("node-b", await elsewhere.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(logPath);
        }
    }

    private static async Task<long> CreatePlanWithTaskAsync(IPlanStore store, string taskId, string logPath, string node, int issue = 7)
    {
        var created = await store.CreateAsync(new NewPlan(1, "octo/widgets", issue, "Title", "agent", "alice", "main",
            "http://127.0.0.1:1/octo/widgets.git", "{}", null), CancellationToken.None);
        var plan = created.Plan;
        var task = new TaskRecord(plan.Id, 0, new PlannedTask(taskId, "Do it", "coder", "Do it", [], []), TaskState.Running, 1,
            plan.CreatedAt, null, 0m, null, null, logPath, node);
        Assert.True(await store.ApplyAsync(new PlanChange(plan.Version, plan with { State = PlanState.Running }, [task], []), CancellationToken.None));
        return plan.Id;
    }
}
