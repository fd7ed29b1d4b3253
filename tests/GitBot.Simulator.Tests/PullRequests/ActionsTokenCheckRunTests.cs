using System.Net;
using GitBot.Simulator.Tests.Support;

namespace GitBot.Simulator.Tests.PullRequests;

/// <summary>As on GitHub, a check run created with an Actions job's <c>GITHUB_TOKEN</c> belongs to the GitHub Actions App.</summary>
public sealed class ActionsTokenCheckRunTests
{
    [Fact]
    public async Task A_check_run_created_with_a_repository_token_belongs_to_github_actions_and_one_created_with_an_installation_token_to_the_app()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var number = await DiffFixture.OpenAsync(h);
        var head = h.Simulator.GetPullRequest(SimulatorHarness.Repo, number)!.HeadSha;
        using var job = SimulatorHarness.Client(h.Simulator, h.Simulator.IssueRepositoryToken(SimulatorHarness.Repo));
        var body = $$"""{"name":"gitbot/gate","head_sha":"{{head}}","status":"in_progress"}""";

        using var fromJob = await job.PostAsync($"repos/{SimulatorHarness.Repo}/check-runs", SimulatorHarness.Json(body));
        using var fromApp = await h.PostAsync($"repos/{SimulatorHarness.Repo}/check-runs", body);
        var jobRun = await SimulatorHarness.ReadAsync(fromJob);
        using var filtered = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}/commits/{head}/check-runs?app_id={SimulatedApp.GitHubActions.Id}");

        Assert.Equal(HttpStatusCode.Created, fromJob.StatusCode);
        Assert.Equal(HttpStatusCode.Created, fromApp.StatusCode);
        Assert.Equal(15368, jobRun["app"]!["id"]!.GetValue<long>());
        Assert.Equal("github-actions", jobRun["app"]!["slug"]!.GetValue<string>());
        Assert.Equal(h.Simulator.App.Id, (await SimulatorHarness.ReadAsync(fromApp))["app"]!["id"]!.GetValue<long>());
        var listed = (await SimulatorHarness.ReadAsync(filtered))["check_runs"]!.AsArray();
        Assert.Equal(jobRun["id"]!.GetValue<long>(), Assert.Single(listed)!["id"]!.GetValue<long>());
        Assert.Equal(["github-actions", h.Simulator.App.Slug], h.Simulator.GetCheckRuns(SimulatorHarness.Repo).OrderBy(r => r.Id).Select(r => r.AppSlug));
        Assert.Empty(h.Simulator.RejectedRequests);
    }
}
