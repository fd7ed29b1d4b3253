using GitBot.Core.Plans;

namespace GitBot.Server.Tests.Plans;

/// <summary><c>agent:&lt;role&gt;</c> runs every task of the plan with that role, whatever the task list says.</summary>
public sealed class PinnedRoleTests
{
    [Fact]
    public async Task Label_agent_colon_role_pins_every_task_to_that_role()
    {
        var yaml = "default_role: runner\nroles:\n"
            + "  runner:\n    description: Default\n    backend: command\n    prompt_on_stdin: true\n    command: [\"sh\", \"-c\", \"echo runner > who.txt\"]\n"
            + "  scribe:\n    description: Writes docs\n    backend: command\n    prompt_on_stdin: true\n    command: [\"sh\", \"-c\", \"echo scribe >> who.txt\"]\n";
        await using var flow = await FlowHarness.StartAsync(FailureFlow.NoModel(), new Dictionary<string, string> { [".github/gitbot.yml"] = yaml });

        var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Docs", "- [ ] First (runner)\n- [ ] Second (after 1)", "alice", null, CancellationToken.None);
        await flow.GitHub.AddLabelAsync(FlowHarness.Repo, issue, "agent:scribe", "alice", CancellationToken.None);
        var done = await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished, TimeSpan.FromSeconds(60));

        Assert.True(done.Plan.State == PlanState.Succeeded, FlowHarness.Describe(done));
        Assert.Equal("agent:scribe", done.Plan.TriggerLabel);
        Assert.All(done.Tasks, t => Assert.Equal("scribe", t.Definition.Role));
        Assert.Equal("scribe\nscribe\n", await FlowHarness.GitAsync(flow.Repository.BareRepositoryPath, "show", $"gitbot/{issue}:who.txt"));
    }
}
