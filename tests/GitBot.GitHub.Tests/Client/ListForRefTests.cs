using GitBot.GitHub.Models;

namespace GitBot.GitHub.Tests.Client;

/// <summary>Listing check runs (with their App) and commit statuses (with their creator) on a commit.</summary>
public sealed class ListForRefTests
{
    private const string O = GitHubHarness.Owner;
    private const string R = GitHubHarness.Repo;

    [Fact]
    public async Task Check_runs_for_a_ref_carry_the_creating_app_and_can_be_narrowed_by_name()
    {
        await using var h = await GitHubHarness.StartAsync();
        await BranchPusher.PushAsync(h.Repository.BareRepositoryPath, "gitbot/3", new Dictionary<string, string> { ["a.txt"] = "a\n" });
        var pull = await h.Client.PullRequests.CreateAsync(O, R, new CreatePullRequestRequest("Checks", "gitbot/3", "main"), CancellationToken.None);
        var sha = pull.Value.Head.Sha;
        var gate = await h.Client.Checks.CreateAsync(O, R, new CreateCheckRunRequest("gitbot/gate", sha, CheckRunStatus.InProgress), CancellationToken.None);
        var tests = await h.Client.Checks.CreateAsync(O, R, new CreateCheckRunRequest("gitbot/tests", sha, CheckRunStatus.Completed, CheckRunConclusion.Failure), CancellationToken.None);

        var all = await h.Client.Checks.ListForRefAsync(O, R, sha, null, all: true, CancellationToken.None);
        var named = await h.Client.Checks.ListForRefAsync(O, R, sha, "gitbot/gate", all: false, CancellationToken.None);

        Assert.True(all.IsSuccess, all.ToString());
        Assert.Equal([tests.Value.Id, gate.Value.Id], all.Value.Select(r => r.Id).Order().Reverse());
        var failed = all.Value.Single(r => r.Name == "gitbot/tests");
        Assert.Equal((sha, "completed", "failure", h.Simulator.App.Id), (failed.HeadSha, failed.Status, failed.Conclusion, failed.App?.Id));
        Assert.Equal(gate.Value.Id, Assert.Single(named.Value).Id);
        Assert.Empty(h.Simulator.RejectedRequests);
    }

    [Fact]
    public async Task Commit_statuses_for_a_ref_carry_their_creator()
    {
        await using var h = await GitHubHarness.StartAsync();
        await BranchPusher.PushAsync(h.Repository.BareRepositoryPath, "gitbot/4", new Dictionary<string, string> { ["a.txt"] = "a\n" });
        var pull = await h.Client.PullRequests.CreateAsync(O, R, new CreatePullRequestRequest("Statuses", "gitbot/4", "main"), CancellationToken.None);
        var sha = pull.Value.Head.Sha;
        await h.Client.Statuses.CreateAsync(O, R, sha, new CreateCommitStatusRequest(CommitState.Success, "gitbot/security", "fine", null), CancellationToken.None);

        var statuses = await h.Client.Statuses.ListForRefAsync(O, R, sha, CancellationToken.None);

        Assert.True(statuses.IsSuccess, statuses.ToString());
        var status = Assert.Single(statuses.Value);
        Assert.Equal(("success", "gitbot/security"), (status.State, status.Context));
        Assert.False(string.IsNullOrEmpty(status.Creator?.Login));
        Assert.Empty(h.Simulator.RejectedRequests);
    }
}
