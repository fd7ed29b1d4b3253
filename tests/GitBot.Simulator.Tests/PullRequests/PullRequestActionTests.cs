using GitBot.Simulator.Tests.Support;

namespace GitBot.Simulator.Tests.PullRequests;

/// <summary>A person marking a draft ready and pushing to a pull request's branch; the snapshot's body and author.</summary>
public sealed class PullRequestActionTests
{
    [Fact]
    public async Task Marking_a_draft_ready_emits_ready_for_review_once()
    {
        await using var receiver = new WebhookReceiver();
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.SetWebhookTarget(receiver.Url);
        await h.Simulator.CommitFilesAsync(SimulatorHarness.Repo, "gitbot/1", new Dictionary<string, string> { ["a.txt"] = "a\n" }, "A",
            "gitbot", CancellationToken.None);
        var number = await h.Simulator.OpenPullRequestAsync(SimulatorHarness.Repo, "gitbot/1", "main", "Agent work", "Closes #1",
            h.Simulator.App.BotLogin, draft: true, CancellationToken.None);
        var draft = h.Simulator.GetPullRequest(SimulatorHarness.Repo, number)!;

        await h.Simulator.MarkReadyForReviewAsync(SimulatorHarness.Repo, number, "alice", CancellationToken.None);
        await h.Simulator.MarkReadyForReviewAsync(SimulatorHarness.Repo, number, "alice", CancellationToken.None);
        await h.Simulator.WaitForDeliveriesAsync(CancellationToken.None);

        Assert.True(draft.Draft);
        Assert.Equal("Closes #1", draft.Body);
        Assert.Equal(h.Simulator.App.BotLogin, draft.Author);
        Assert.False(h.Simulator.GetPullRequest(SimulatorHarness.Repo, number)!.Draft);
        var actions = receiver.Received.Where(x => x.Event == "pull_request").Select(x => x.Payload["action"]!.GetValue<string>());
        Assert.Equal(["opened", "ready_for_review"], actions);
        var ready = receiver.Received.Last(x => x.Event == "pull_request").Payload;
        Assert.False(ready["pull_request"]!["draft"]!.GetValue<bool>());
        Assert.Equal("alice", ready["sender"]!["login"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_person_pushing_to_a_pull_request_branch_emits_push_and_synchronize_as_that_person()
    {
        await using var receiver = new WebhookReceiver();
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.SetWebhookTarget(receiver.Url);
        var number = await DiffFixture.OpenAsync(h);
        var before = h.Simulator.GetPullRequest(SimulatorHarness.Repo, number)!.HeadSha;

        var commit = await h.Simulator.PushCommitAsync(SimulatorHarness.Repo, "feature",
            new Dictionary<string, string> { ["src/app.txt"] = "rewritten\n" }, "Rewrite", "bob", CancellationToken.None);
        await h.Simulator.WaitForDeliveriesAsync(CancellationToken.None);

        Assert.Equal(commit, h.Simulator.GetPullRequest(SimulatorHarness.Repo, number)!.HeadSha);
        Assert.Equal(before, await GitHelper.GitAsync(h.Repository.BareRepositoryPath, "rev-parse", commit + "~1"));
        var push = Assert.Single(receiver.Received, x => x.Event == "push").Payload;
        Assert.Equal("refs/heads/feature", push["ref"]!.GetValue<string>());
        Assert.Equal(before, push["before"]!.GetValue<string>());
        Assert.Equal(commit, push["after"]!.GetValue<string>());
        Assert.Equal("bob", push["pusher"]!["name"]!.GetValue<string>());
        Assert.Equal("bob", push["sender"]!["login"]!.GetValue<string>());
        Assert.Equal("src/app.txt", push["commits"]![0]!["modified"]![0]!.GetValue<string>());
        var sync = Assert.Single(receiver.Received, x => x.Event == "pull_request" && x.Payload["action"]!.GetValue<string>() == "synchronize").Payload;
        Assert.Equal(commit, sync["after"]!.GetValue<string>());
        Assert.Equal("bob", sync["sender"]!["login"]!.GetValue<string>());
        Assert.Equal("bob", await GitHelper.GitAsync(h.Repository.BareRepositoryPath, "log", "-1", "--format=%an", commit));
    }
}
