using System.Net;
using System.Net.Http.Headers;
using GitBot.Simulator.Tests.Support;

namespace GitBot.Simulator.Tests;

public sealed class HttpBehaviourTests
{
    [Fact]
    public async Task A_request_without_user_agent_is_403_like_GitHub_and_recorded()
    {
        await using var h = await SimulatorHarness.StartAsync();
        using var bare = new HttpClient { BaseAddress = h.Simulator.ApiUrl };
        bare.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", h.Simulator.IssueInstallationToken(h.Installation.Id));

        using var response = await bare.GetAsync($"repos/{SimulatorHarness.Repo}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("User-Agent", Assert.Single(h.Simulator.RejectedRequests), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_published_api_versions_are_accepted()
    {
        await using var h = await SimulatorHarness.StartAsync();

        using var good = new HttpRequestMessage(HttpMethod.Get, $"repos/{SimulatorHarness.Repo}");
        good.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
        using var bad = new HttpRequestMessage(HttpMethod.Get, $"repos/{SimulatorHarness.Repo}");
        bad.Headers.Add("X-GitHub-Api-Version", "2021-01-01");

        using var accepted = await h.Http.SendAsync(good);
        using var refused = await h.Http.SendAsync(bad);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Single(h.Simulator.RejectedRequests);
    }

    [Fact]
    public async Task Concurrent_requests_on_keep_alive_connections_all_land_once()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var number = await h.OpenIssueAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            using var response = await h.PostAsync($"repos/{SimulatorHarness.Repo}/issues/{number}/comments", $$"""{"body":"comment {{i}}"}""");
            return response.StatusCode;
        }));

        Assert.All(responses, status => Assert.Equal(HttpStatusCode.Created, status));
        var comments = h.Simulator.GetIssue(SimulatorHarness.Repo, number)!.Comments;
        Assert.Equal(40, comments.Count);
        Assert.Equal(40, comments.Select(c => c.Id).Distinct().Count());
        Assert.Equal(40, comments.Select(c => c.Body).Distinct().Count());
    }

    [Fact]
    public async Task Several_simulators_run_side_by_side_with_separate_state_and_keys()
    {
        await using var a = await SimulatorHarness.StartAsync();
        await using var b = await SimulatorHarness.StartAsync();
        await a.OpenIssueAsync();

        Assert.NotEqual(a.Simulator.ApiUrl, b.Simulator.ApiUrl);
        Assert.NotEqual(a.Simulator.App.PrivateKeyPem, b.Simulator.App.PrivateKeyPem);
        Assert.NotNull(a.Simulator.GetIssue(SimulatorHarness.Repo, 1));
        Assert.Null(b.Simulator.GetIssue(SimulatorHarness.Repo, 1));
        using var crossToken = SimulatorHarness.Client(b.Simulator, a.Simulator.IssueInstallationToken(a.Installation.Id));
        using var response = await crossToken.GetAsync($"repos/{SimulatorHarness.Repo}");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Reviews_must_name_changed_files_and_only_decisive_reviews_can_be_dismissed()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var number = await ValidationTests.OpenPullAsync(h);
        var path = $"repos/{SimulatorHarness.Repo}/pulls/{number}/reviews";

        using var strayPath = await h.PostAsync(path, """{"event":"COMMENT","body":"x","comments":[{"path":"nope.txt","line":1,"body":"?"}]}""");
        using var noBody = await h.PostAsync(path, """{"event":"REQUEST_CHANGES"}""");
        using var comment = await h.PostAsync(path, """{"event":"COMMENT","body":"fine"}""");
        var id = (await SimulatorHarness.ReadAsync(comment))["id"]!.GetValue<long>();
        using var dismiss = await h.Http.PutAsync($"{path}/{id}/dismissals", SimulatorHarness.Json("""{"message":"no"}"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, strayPath.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noBody.StatusCode);
        Assert.Equal(HttpStatusCode.OK, comment.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, dismiss.StatusCode);
        Assert.Equal("COMMENTED", Assert.Single(h.Simulator.GetPullRequest(SimulatorHarness.Repo, number)!.Reviews).State);
    }
}
