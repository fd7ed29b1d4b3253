using System.Net;
using GitBot.Core.Executors;
using GitBot.Core.Plans;
using GitBot.Core.Runs;
using GitBot.Server.Tests.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace GitBot.Server.Tests.Executors;

/// <summary>A dispatched task whose runner never reports fails at the deadline, and the plan's report says why.</summary>
public sealed class ActionsTimeoutTests
{
    [Fact]
    public async Task A_runner_that_never_reports_times_the_task_out_and_the_report_says_so()
    {
        await using var flow = await FlowHarness.StartAsync(FailureFlow.NoModel(), ActionsFlow.Files("5s"), ActionsFlow.Settings());
        var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "One step", "- [ ] Only step", "alice", ["agent"], CancellationToken.None);
        var dispatch = await ActionsFlow.WaitForDispatchAsync(flow, 1);

        var done = await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished, TimeSpan.FromMinutes(1));
        Assert.Equal(PlanState.Failed, done.Plan.State);
        var task = Assert.Single(done.Tasks);
        Assert.Equal(TaskState.Failed, task.State);
        Assert.Equal("the runner did not report within 5s", task.Reason);
        await FailureFlow.UntilAsync(
            () => FailureFlow.Issue(flow, issue).Comments.Any(c => c.Body.Contains("gitbot:report:", StringComparison.Ordinal)),
            "the plan report");
        var report = FailureFlow.Issue(flow, issue).Comments.Single(c => c.Body.Contains("gitbot:report:", StringComparison.Ordinal));
        Assert.Contains("the runner did not report within 5s", report.Body, StringComparison.Ordinal);

        // The token expired with the deadline: a late runner is refused and changes nothing.
        var route = ActionsFlow.RouteOf(dispatch);
        Assert.Equal(HttpStatusCode.Unauthorized, await ActionsFlow.PostAsync(flow, route + "/result",
            dispatch.Inputs["callback_token"], new RunnerTaskResult("succeeded", null, 1m, null, null)));
        var after = await flow.Plans.GetAsync(done.Plan.Id, CancellationToken.None);
        Assert.Equal((TaskState.Failed, 0m), (after!.Tasks[0].State, after.Tasks[0].CostUsd));
        Assert.Single(flow.GitHub.GetWorkflowDispatches(FlowHarness.Repo));
        Assert.Empty(flow.GitHub.RejectedRequests);

        // The dashboard lists the attempt as a finished runner run, with the reason.
        var run = Assert.Single(await flow.Server.App.Services.GetRequiredService<IAgentRunStore>().ListForPlanAsync(done.Plan.Id, CancellationToken.None));
        Assert.Equal(("actions", "actions runner", "Failed", "the runner did not report within 5s"), (run.Backend, run.Node, run.State, run.ExitReason));
        Assert.NotNull(run.FinishedAt);
    }
}
