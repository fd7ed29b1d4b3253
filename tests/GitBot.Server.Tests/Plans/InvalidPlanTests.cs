using GitBot.Core.Plans;
using GitBot.Simulator.ModelServer;

namespace GitBot.Server.Tests.Plans;

/// <summary>A planner that answers an invalid plan twice (a cycle) fails the plan with a report; nothing runs.</summary>
public sealed class InvalidPlanTests
{
    private const string PlannerPhrase = "You are GitBot's planner";

    private const string Cycle = """{"tasks":[{"id":"a","title":"Do A","role":"coder","instructions":"A after B","depends_on":["b"],"files":[]},{"id":"b","title":"Do B","role":"coder","instructions":"B after A","depends_on":["a"],"files":[]}]}""";

    [Fact]
    public async Task Planner_answering_a_cycle_twice_fails_the_plan_with_one_report()
    {
        await using var flow = await FlowHarness.StartAsync(new ModelScript(ModelScript.When(PlannerPhrase, ModelStep.Text(Cycle))), new Dictionary<string, string>());

        var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Make A and B", "Please make A and B work together.", "alice", ["agent"], CancellationToken.None);
        var done = await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished, TimeSpan.FromSeconds(55));

        Assert.True(done.Plan.State == PlanState.Failed, FlowHarness.Describe(done));
        Assert.Empty(done.Tasks);
        await FailureFlow.UntilAsync(
            () => FailureFlow.Issue(flow, issue).Comments.Any(c => c.Body.Contains("gitbot:report:", StringComparison.Ordinal)),
            "the report comment", TimeSpan.FromSeconds(10));
        var report = Assert.Single(FailureFlow.Issue(flow, issue).Comments, c => c.Body.Contains("gitbot:report:", StringComparison.Ordinal));
        Assert.Contains("cycle", report.Body, StringComparison.OrdinalIgnoreCase);

        // Two planner conversations: the first answer and the one retry, each a single model turn.
        var planner = flow.Model.Requests.Where(r => r.IsMessages && r.Rule == PlannerPhrase && r.AssistantTurns == 0).ToList();
        Assert.Equal(2, planner.Count);
    }
}
