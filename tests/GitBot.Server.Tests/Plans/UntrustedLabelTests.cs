namespace GitBot.Server.Tests.Plans;

/// <summary>Labels applied by a read-only user or by a bot never start anything.</summary>
public sealed class UntrustedLabelTests
{
    [Fact]
    public async Task Labels_from_a_read_only_user_or_a_bot_start_nothing()
    {
        await using var flow = await FlowHarness.StartAsync(FailureFlow.NoModel(), FailureFlow.CommandConfig("cat > out.txt"));
        flow.GitHub.SetPermission(FlowHarness.Repo, "ci-helper[bot]", "write");

        var byReader = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "By rita", "- [ ] Write out.txt", "rita", ["agent"], CancellationToken.None);
        var byBot = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "By a bot", "- [ ] Write out.txt", "alice", null, CancellationToken.None);
        await flow.GitHub.AddLabelAsync(FlowHarness.Repo, byBot, "agent", "ci-helper[bot]", CancellationToken.None);

        // A trusted label afterwards: once it has been handled, the earlier deliveries have been too.
        var control = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "By alice", "- [ ] Write out.txt", "alice", ["agent"], CancellationToken.None);
        await flow.WaitForPlanAsync(control, p => p.Plan.IsFinished, TimeSpan.FromSeconds(50));
        await flow.GitHub.WaitForDeliveriesAsync(CancellationToken.None);

        foreach (var issue in new[] { byReader, byBot })
        {
            Assert.Null(await flow.Plans.FindLatestAsync(FlowHarness.Repo, issue, CancellationToken.None));
            var github = FailureFlow.Issue(flow, issue);
            Assert.Empty(github.Comments);
            Assert.Empty(github.Reactions);
        }

        Assert.Equal(1L, await flow.Server.ScalarAsync<long>("SELECT COUNT(*) FROM plans"));
        Assert.Contains("eyes", FailureFlow.Issue(flow, control).Reactions);
    }
}
