using System.Net;
using GitBot.Simulator.Tests.Support;

namespace GitBot.Simulator.Tests;

public sealed class ValidationTests
{
    [Fact]
    public async Task A_review_with_an_unknown_event_is_rejected_with_422_and_recorded()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var number = await OpenPullAsync(h);

        using var response = await h.PostAsync($"repos/{SimulatorHarness.Repo}/pulls/{number}/reviews",
            """{"event":"APPROVED","body":"looks good"}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await SimulatorHarness.ReadAsync(response);
        Assert.Equal("Validation Failed", body["message"]!.GetValue<string>());
        Assert.StartsWith("https://docs.github.com/", body["documentation_url"]!.GetValue<string>(), StringComparison.Ordinal);
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("event", error["field"]!.GetValue<string>());
        Assert.Equal("invalid", error["code"]!.GetValue<string>());
        var rejected = Assert.Single(h.Simulator.RejectedRequests);
        Assert.Contains($"POST /repos/{SimulatorHarness.Repo}/pulls/{number}/reviews", rejected, StringComparison.Ordinal);
        Assert.Contains("APPROVED", rejected, StringComparison.Ordinal);
        Assert.Empty(h.Simulator.GetPullRequest(SimulatorHarness.Repo, number)!.Reviews);
    }

    [Fact]
    public async Task A_missing_required_field_is_a_missing_field_error()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var number = await h.OpenIssueAsync();

        using var response = await h.PostAsync($"repos/{SimulatorHarness.Repo}/issues/{number}/comments", """{"text":"hi"}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = (await SimulatorHarness.ReadAsync(response))["errors"]![0]!;
        Assert.Equal("body", error["field"]!.GetValue<string>());
        Assert.Equal("missing_field", error["code"]!.GetValue<string>());
        Assert.Single(h.Simulator.RejectedRequests);
        Assert.Empty(h.Simulator.GetIssue(SimulatorHarness.Repo, number)!.Comments);
    }

    [Fact]
    public async Task A_wrong_primitive_type_is_rejected()
    {
        await using var h = await SimulatorHarness.StartAsync();

        using var response = await h.PostAsync($"repos/{SimulatorHarness.Repo}/check-runs", """{"name":5,"head_sha":"abc"}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("'name' must be of type string", Assert.Single(h.Simulator.RejectedRequests), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nested_required_field_inside_an_array_item_is_checked()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var number = await OpenPullAsync(h);

        using var response = await h.PostAsync($"repos/{SimulatorHarness.Repo}/pulls/{number}/reviews",
            """{"event":"COMMENT","body":"x","comments":[{"path":"README.md"}]}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("comments[0].body", Assert.Single(h.Simulator.RejectedRequests), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_path_is_404_like_GitHub_and_recorded()
    {
        await using var h = await SimulatorHarness.StartAsync();

        using var response = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}/no-such-endpoint");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Not Found", (await SimulatorHarness.ReadAsync(response))["message"]!.GetValue<string>());
        Assert.Contains("no documented operation", Assert.Single(h.Simulator.RejectedRequests), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unparsable_json_is_400_and_recorded()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var number = await h.OpenIssueAsync();

        using var response = await h.PostAsync($"repos/{SimulatorHarness.Repo}/issues/{number}/comments", "{\"body\":");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Problems parsing JSON", (await SimulatorHarness.ReadAsync(response))["message"]!.GetValue<string>());
        Assert.Single(h.Simulator.RejectedRequests);
    }

    [Fact]
    public async Task An_illegal_query_enum_and_a_non_integer_path_parameter_are_rejected()
    {
        await using var h = await SimulatorHarness.StartAsync();

        using var badEnum = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}/pulls?state=merged");
        using var badNumber = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}/issues/abc");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, badEnum.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, badNumber.StatusCode);
        Assert.Equal(2, h.Simulator.RejectedRequests.Count);
    }

    [Fact]
    public async Task Valid_requests_leave_no_rejections()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var number = await h.OpenIssueAsync();

        using var comment = await h.PostAsync($"repos/{SimulatorHarness.Repo}/issues/{number}/comments", """{"body":"On it."}""");
        using var labels = await h.PostAsync($"repos/{SimulatorHarness.Repo}/issues/{number}/labels", """{"labels":["gitbot"]}""");
        using var objectForm = await h.PostAsync($"repos/{SimulatorHarness.Repo}/issues/{number}/labels", """{"labels":[{"name":"triaged"}]}""");

        Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
        Assert.Equal(HttpStatusCode.OK, labels.StatusCode);
        Assert.Equal(HttpStatusCode.OK, objectForm.StatusCode);
        Assert.Empty(h.Simulator.RejectedRequests);
        Assert.Equal(["gitbot", "triaged"], h.Simulator.GetIssue(SimulatorHarness.Repo, number)!.Labels);
    }

    internal static async Task<int> OpenPullAsync(SimulatorHarness h)
    {
        await GitHelper.PushBranchAsync(h.Repository, "feature", "src/widget.txt", "a widget\n");
        return await h.Simulator.OpenPullRequestAsync(SimulatorHarness.Repo, "feature", "main", "Add widget", "Body", "alice",
            CancellationToken.None);
    }
}
