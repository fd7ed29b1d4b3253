using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using GitBot.Core.Observability;
using GitBot.Core.Plans;
using GitBot.Server.Tests.Plans;
using GitBot.Simulator.ModelServer;

namespace GitBot.Server.Tests.Observability;

/// <summary>
/// One trace per delivery: a real signed webhook to the real server starts a plan, and the ingress, the delivery
/// job, the plan job, the task job and the agent run all land in the trace derived from the delivery id, each under
/// the activity that caused it.
/// </summary>
public sealed class TracingTests
{
    [Fact]
    public async Task Delivery_plan_job_task_job_and_agent_run_share_one_trace_with_the_causal_parent_chain()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GitBotTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        await using var flow = await FlowHarness.StartAsync(
            new ModelScript(ModelScript.When("## Your task: 1 ", ModelStep.WriteFile("alpha.txt", "alpha\n"), ModelStep.Text("Wrote alpha.txt."))),
            new Dictionary<string, string> { [".github/gitbot.yml"] = "limits:\n  task_timeout: 5m\n" });
        var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Add alpha", "- [ ] Add the alpha module", "alice", ["agent"], CancellationToken.None);
        var done = await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished, TimeSpan.FromMinutes(4));
        Assert.True(done.Plan.State == PlanState.Succeeded, FlowHarness.Describe(done));
        var planId = done.Plan.Id.ToString(CultureInfo.InvariantCulture);

        // The listener hears every server in this test process; this flow's activities are in the traces of the
        // deliveries its own simulator sent (plan ids alone repeat across the tests' databases).
        var traces = flow.GitHub.DeliveryLog.Select(d => GitBotTelemetry.DeliveryTraceId(d.Guid.ToString())).ToHashSet();

        // Activities stop when their work returns, just after the plan's state is written: wait for the run's.
        Activity? taskJob = null;
        Activity? agentRun = null;
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while ((taskJob is null || agentRun is null) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100);
            taskJob = stopped.FirstOrDefault(a => a.OperationName == "job.run-task" && Tag(a, "planId") == planId && traces.Contains(a.TraceId));
            agentRun = taskJob is null ? null : stopped.FirstOrDefault(a => a.OperationName == "agent.run" && a.ParentSpanId == taskJob.SpanId);
        }

        Assert.NotNull(taskJob);
        Assert.NotNull(agentRun);
        var trace = stopped.Where(a => a.TraceId == taskJob.TraceId).ToList();
        var names = string.Join(", ", trace.Select(a => a.OperationName));
        var planJob = Assert.Single(trace, a => a.OperationName == "job.plan-issue");
        var processing = Assert.Single(trace, a => a.OperationName == "delivery.process" && a.SpanId == planJob.ParentSpanId);
        var deliveryJob = Assert.Single(trace, a => a.OperationName == "job.process-delivery" && a.SpanId == processing.ParentSpanId);
        var receive = Assert.Single(trace, a => a.OperationName == "webhook.receive");

        // The trace id is the one any node derives from the delivery id; ingress and the delivery job hang off its root.
        var deliveryId = Tag(processing, "deliveryId")!;
        Assert.Equal(GitBotTelemetry.DeliveryTraceId(deliveryId), taskJob.TraceId);
        Assert.Equal(GitBotTelemetry.DeliveryContext(deliveryId).SpanId, deliveryJob.ParentSpanId);
        Assert.Equal(GitBotTelemetry.DeliveryContext(deliveryId).SpanId, receive.ParentSpanId);
        Assert.Equal(deliveryId, Tag(receive, "deliveryId"));
        Assert.Equal(planJob.SpanId, taskJob.ParentSpanId);
        Assert.Equal(taskJob.SpanId, agentRun.ParentSpanId);
        Assert.Equal("1", Tag(taskJob, "taskId"));
        Assert.True(processing.StartTimeUtc <= planJob.StartTimeUtc, names);
    }

    private static string? Tag(Activity activity, string name) =>
        Convert.ToString(activity.GetTagItem(name), CultureInfo.InvariantCulture);
}
