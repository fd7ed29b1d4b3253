namespace GitBot.Server.Tests.Reviews;

/// <summary>
/// The <c>gitbot/gate</c> check end to end: real server on PostgreSQL, the simulator, real git. Each step waits for a
/// summary that could only come from a recompute that saw the step's event, then checks the gate's state.
/// </summary>
public sealed class GateTests
{
    private const string Branch = "gitbot/7";
    private static readonly string[] AgentChecks = ["gitbot/security", "gitbot/tests", "gitbot/judge"];

    [Fact]
    public async Task Gate_waits_for_gitbots_own_checks_and_a_write_approval_on_the_current_head()
    {
        await using var h = await GateHarness.StartAsync();
        var head = await h.PushAsync(Branch, new Dictionary<string, string> { ["src/widget.txt"] = "one\n" }, "Add a widget");
        var number = await h.GitHub.OpenPullRequestAsync(GateHarness.Repo, Branch, "main", "Add a widget", "Closes #7", "alice", CancellationToken.None);

        var opened = await h.WaitForGateAsync(head, g => g.OutputSummary?.Contains("needs 1 more approval", StringComparison.Ordinal) == true, "pending after opening");
        Assert.Equal("in_progress", opened.Status);
        foreach (var check in AgentChecks)
        {
            Assert.Contains($"{check} has not reported", opened.OutputSummary, StringComparison.Ordinal);
        }

        // A commit status named like an agent check is not the check, even from GitBot's own App.
        var status = await h.App.Statuses.CreateAsync(GateHarness.Owner, GateHarness.Name, head,
            new GitBot.GitHub.Models.CreateCommitStatusRequest(GitBot.GitHub.Models.CommitState.Success, "gitbot/security", "fine"), CancellationToken.None);
        Assert.True(status.IsSuccess, status.ToString());
        await h.CompleteAgentChecksAsync(head, "gitbot/tests", "gitbot/judge");
        var twoChecks = await h.WaitForGateAsync(head, g => g.OutputSummary?.Contains("gitbot/tests has not reported", StringComparison.Ordinal) == false
            && g.OutputSummary.Contains("gitbot/judge has not reported", StringComparison.Ordinal) == false, "two checks reported");
        Assert.Equal("in_progress", twoChecks.Status);
        Assert.Contains("gitbot/security has not reported", twoChecks.OutputSummary, StringComparison.Ordinal);
        Assert.Contains("a commit status named gitbot/security", twoChecks.OutputSummary, StringComparison.Ordinal);

        await h.CompleteAgentChecksAsync(head, "gitbot/security");
        var checksDone = await h.WaitForGateAsync(head, g => g.OutputSummary?.Contains("has not reported", StringComparison.Ordinal) == false, "all checks reported");
        Assert.Equal("in_progress", checksDone.Status);
        Assert.Contains("needs 1 more approval", checksDone.OutputSummary, StringComparison.Ordinal);

        // None of these counts: a comment saying LGTM, a read-only user's approval, the author's own approval.
        await h.GitHub.SubmitReviewAsync(GateHarness.Repo, number, "carol", "COMMENT", "LGTM", CancellationToken.None);
        await h.GitHub.SubmitReviewAsync(GateHarness.Repo, number, "rita", "APPROVE", "Looks good", CancellationToken.None);
        await h.GitHub.SubmitReviewAsync(GateHarness.Repo, number, "alice", "APPROVE", "Mine looks good", CancellationToken.None);
        var ignored = await h.WaitForGateAsync(head, g => g.OutputSummary?.Contains("rita's approval does not count: they have read access", StringComparison.Ordinal) == true
            && g.OutputSummary.Contains("alice's approval does not count: they opened the pull request", StringComparison.Ordinal), "ignored approvals noted");
        Assert.Equal("in_progress", ignored.Status);
        Assert.Contains("needs 1 more approval", ignored.OutputSummary, StringComparison.Ordinal);

        await h.GitHub.SubmitReviewAsync(GateHarness.Repo, number, "bob", "APPROVE", "Ship it", CancellationToken.None);
        var green = await h.WaitForGateAsync(head, g => g.Status == "completed", "green after bob's approval");
        Assert.Equal("success", green.Conclusion);
        Assert.StartsWith("Ready to merge", green.OutputTitle, StringComparison.Ordinal);

        // dave pushes a new head: bob's approval is now on an older commit, and dave cannot approve his own push.
        var newHead = await h.PushAsync(Branch, new Dictionary<string, string> { ["src/widget.txt"] = "two\n" }, "Change the widget");
        await h.GitHub.NotifyPushAsync(GateHarness.Repo, Branch, "dave", CancellationToken.None);
        var stale = await h.WaitForGateAsync(newHead, g => g.OutputSummary?.Contains("approvals on older commits do not count", StringComparison.Ordinal) == true, "pending on the new head");
        Assert.Equal("in_progress", stale.Status);
        Assert.Equal("success", h.Gate(head)!.Conclusion);

        await h.CompleteAgentChecksAsync(newHead, AgentChecks);
        await h.GitHub.SubmitReviewAsync(GateHarness.Repo, number, "dave", "APPROVE", "Fine now", CancellationToken.None);
        var pusher = await h.WaitForGateAsync(newHead, g => g.OutputSummary?.Contains("dave's approval does not count: they pushed the head commit", StringComparison.Ordinal) == true
            && !g.OutputSummary.Contains("has not reported", StringComparison.Ordinal), "the pusher's approval refused");
        Assert.Equal("in_progress", pusher.Status);

        await h.GitHub.SubmitReviewAsync(GateHarness.Repo, number, "bob", "APPROVE", "Still fine", CancellationToken.None);
        Assert.Equal("success", (await h.WaitForGateAsync(newHead, g => g.Status == "completed", "green again")).Conclusion);

        await h.GitHub.SubmitReviewAsync(GateHarness.Repo, number, "erin", "REQUEST_CHANGES", "Please rename it", CancellationToken.None);
        var blocked = await h.WaitForGateAsync(newHead, g => g.Conclusion == "failure", "failure after erin's change request");
        Assert.Contains("erin requested changes", blocked.OutputSummary, StringComparison.Ordinal);

        Assert.Equal(2, h.GitHub.GetCheckRuns(GateHarness.Repo).Count(r => r.Name == "gitbot/gate"));
        Assert.Empty(h.GitHub.RejectedRequests);
    }

    [Fact]
    public async Task Pull_requests_outside_gitbots_branches_get_no_gate()
    {
        await using var h = await GateHarness.StartAsync();
        var other = await h.PushAsync("feature/x", new Dictionary<string, string> { ["a.txt"] = "a\n" }, "Feature");
        var ours = await h.PushAsync("gitbot/8", new Dictionary<string, string> { ["b.txt"] = "b\n" }, "Ours");
        await h.GitHub.OpenPullRequestAsync(GateHarness.Repo, "feature/x", "main", "Feature", null, "alice", CancellationToken.None);
        await h.GitHub.OpenPullRequestAsync(GateHarness.Repo, "gitbot/8", "main", "Ours", null, "alice", CancellationToken.None);

        // The second PR's gate appearing shows the first PR's event has had its turn too (same dispatcher).
        await h.WaitForGateAsync(ours, g => g.Status == "in_progress", "a gate on GitBot's branch");
        await h.CompleteAgentChecksAsync(other, AgentChecks);
        await h.CompleteAgentChecksAsync(ours, "gitbot/tests");
        await h.WaitForGateAsync(ours, g => g.OutputSummary?.Contains("gitbot/tests has not reported", StringComparison.Ordinal) == false, "check seen");

        Assert.Null(h.Gate(other));
        Assert.Empty(h.GitHub.RejectedRequests);
    }

    [Fact]
    public async Task A_same_named_check_from_another_app_never_satisfies_the_gate()
    {
        await using var h = await GateHarness.StartAsync();
        var head = await h.PushAsync("gitbot/9", new Dictionary<string, string> { ["c.txt"] = "c\n" }, "C");
        var number = await h.GitHub.OpenPullRequestAsync(GateHarness.Repo, "gitbot/9", "main", "C", null, "alice", CancellationToken.None);
        await h.WaitForGateAsync(head, g => g.Status == "in_progress", "a pending gate");

        // Another App reports all three agent checks green, and a writer approves: still not GitBot's checks.
        foreach (var check in AgentChecks)
        {
            await h.GitHub.CompleteCheckRunAsync(GateHarness.Repo, head, check, "success", "impostor-ci", CancellationToken.None);
        }

        await h.GitHub.SubmitReviewAsync(GateHarness.Repo, number, "bob", "APPROVE", "Ship it", CancellationToken.None);
        var gate = await h.WaitForGateAsync(head, g => g.OutputSummary?.Contains("a check run named gitbot/security from another GitHub App was ignored", StringComparison.Ordinal) == true
            && !g.OutputSummary.Contains("needs 1 more approval", StringComparison.Ordinal), "the impostor's checks ignored");
        Assert.Equal("in_progress", gate.Status);
        foreach (var check in AgentChecks)
        {
            Assert.Contains($"{check} has not reported", gate.OutputSummary, StringComparison.Ordinal);
        }

        await h.CompleteAgentChecksAsync(head, AgentChecks);
        Assert.Equal("success", (await h.WaitForGateAsync(head, g => g.Status == "completed", "green with GitBot's own checks")).Conclusion);
        Assert.Empty(h.GitHub.RejectedRequests);
    }
}
