using System.Net;
using System.Text.Json.Nodes;
using GitBot.Simulator.Tests.Support;

namespace GitBot.Simulator.Tests.PullRequests;

/// <summary>Check run annotations accumulate; runs of another App show that App; Re-run emits <c>check_run rerequested</c>.</summary>
public sealed class CheckRunTests
{
    [Fact]
    public async Task Annotations_accumulate_across_updates_and_more_than_50_in_one_request_is_422()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var number = await DiffFixture.OpenAsync(h);
        var head = h.Simulator.GetPullRequest(SimulatorHarness.Repo, number)!.HeadSha;

        using var created = await h.PostAsync($"repos/{SimulatorHarness.Repo}/check-runs",
            $$$"""{"name":"gitbot/security","head_sha":"{{{head}}}","status":"in_progress","output":{"title":"Scanning","summary":"…","annotations":[{{{Annotation(3, "failure")}}}]}}""");
        var id = (await SimulatorHarness.ReadAsync(created))["id"]!.GetValue<long>();
        using var updated = await h.Http.PatchAsync($"repos/{SimulatorHarness.Repo}/check-runs/{id}", SimulatorHarness.Json(
            $$$"""{"conclusion":"failure","output":{"title":"1 secret","summary":"AWS key","text":"Details","annotations":[{{{Annotation(25, "warning")}}}]}}"""));
        var tooMany = string.Join(',', Enumerable.Range(1, 51).Select(i => Annotation(1, "notice")));
        using var refused = await h.Http.PatchAsync($"repos/{SimulatorHarness.Repo}/check-runs/{id}", SimulatorHarness.Json(
            $$$"""{"output":{"title":"t","summary":"s","annotations":[{{{tooMany}}}]}}"""));
        using var listed = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}/check-runs/{id}/annotations");
        using var got = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}/check-runs/{id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var annotations = (await SimulatorHarness.ReadAsync(listed)).AsArray();
        Assert.Equal([3, 25], annotations.Select(a => a!["start_line"]!.GetValue<int>()));
        Assert.Equal(2, (await SimulatorHarness.ReadAsync(got))["output"]!["annotations_count"]!.GetValue<int>());
        var run = Assert.Single(h.Simulator.GetCheckRuns(SimulatorHarness.Repo));
        Assert.Equal("failure", run.Conclusion);
        Assert.Equal("AWS key", run.OutputSummary);
        Assert.Equal("Details", run.OutputText);
        Assert.Equal(h.Simulator.App.Slug, run.AppSlug);
        Assert.Equal(h.Simulator.App.Id, run.AppId);
        Assert.Equal([new SimulatedAnnotation("src/app.txt", 3, 3, "failure", "Finding", "at 3"),
            new SimulatedAnnotation("src/app.txt", 25, 25, "warning", "Finding", "at 25")], run.Annotations);
    }

    [Fact]
    public async Task A_run_of_another_app_shows_that_app_in_the_api_and_in_webhooks()
    {
        await using var receiver = new WebhookReceiver();
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.SetWebhookTarget(receiver.Url);
        var number = await DiffFixture.OpenAsync(h);
        var head = h.Simulator.GetPullRequest(SimulatorHarness.Repo, number)!.HeadSha;

        var ours = await h.Simulator.CompleteCheckRunAsync(SimulatorHarness.Repo, head, "gitbot/tests", "failure", CancellationToken.None);
        var theirs = await h.Simulator.CompleteCheckRunAsync(SimulatorHarness.Repo, head, "gitbot/tests", "success", "impostor-ci",
            CancellationToken.None);
        await h.Simulator.WaitForDeliveriesAsync(CancellationToken.None);
        using var list = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}/commits/{head}/check-runs");
        using var onlyOurs = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}/commits/{head}/check-runs?app_id={h.Simulator.App.Id}");

        Assert.NotEqual(ours, theirs);
        var runs = (await SimulatorHarness.ReadAsync(list))["check_runs"]!.AsArray();
        Assert.Equal(["impostor-ci", h.Simulator.App.Slug], runs.Select(r => r!["app"]!["slug"]!.GetValue<string>()));
        Assert.NotEqual(h.Simulator.App.Id, runs[0]!["app"]!["id"]!.GetValue<long>());
        Assert.Equal(ours, Assert.Single((await SimulatorHarness.ReadAsync(onlyOurs))["check_runs"]!.AsArray())!["id"]!.GetValue<long>());
        var hooks = receiver.Received.Where(x => x.Event == "check_run").Select(x => x.Payload["check_run"]!).ToList();
        Assert.Equal([h.Simulator.App.Slug, "impostor-ci"], hooks.Select(r => r["app"]!["slug"]!.GetValue<string>()));
        Assert.Equal("impostor-ci", hooks[1]["check_suite"]!["app"]!["slug"]!.GetValue<string>());
        Assert.Equal(["impostor-ci", h.Simulator.App.Slug],
            h.Simulator.GetCheckRuns(SimulatorHarness.Repo).OrderByDescending(r => r.Id).Select(r => r.AppSlug));
    }

    [Fact]
    public async Task Rerun_emits_check_run_rerequested_with_the_suite_head_and_pull_requests_only_for_our_app()
    {
        await using var receiver = new WebhookReceiver();
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.SetWebhookTarget(receiver.Url);
        var number = await DiffFixture.OpenAsync(h);
        var head = h.Simulator.GetPullRequest(SimulatorHarness.Repo, number)!.HeadSha;
        var ours = await h.Simulator.CompleteCheckRunAsync(SimulatorHarness.Repo, head, "gitbot/judge", "failure", CancellationToken.None);
        var theirs = await h.Simulator.CompleteCheckRunAsync(SimulatorHarness.Repo, head, "ci", "failure", "other-ci", CancellationToken.None);

        await h.Simulator.RerequestCheckRunAsync(SimulatorHarness.Repo, ours, "alice", CancellationToken.None);
        await h.Simulator.RerequestCheckRunAsync(SimulatorHarness.Repo, theirs, "alice", CancellationToken.None);
        await h.Simulator.WaitForDeliveriesAsync(CancellationToken.None);

        var rerequested = Assert.Single(receiver.Received, x => x.Event == "check_run" && x.Payload["action"]!.GetValue<string>() == "rerequested");
        var payload = rerequested.Payload;
        var run = payload["check_run"]!;
        Assert.Equal(ours, run["id"]!.GetValue<long>());
        Assert.Equal("gitbot/judge", run["name"]!.GetValue<string>());
        Assert.Equal(head, run["check_suite"]!["head_sha"]!.GetValue<string>());
        Assert.Equal(h.Simulator.App.Id, run["app"]!["id"]!.GetValue<long>());
        Assert.Equal(number, Assert.Single(run["pull_requests"]!.AsArray())!["number"]!.GetValue<int>());
        Assert.Equal(head, run["pull_requests"]![0]!["head"]!["sha"]!.GetValue<string>());
        Assert.Equal(number, run["check_suite"]!["pull_requests"]![0]!["number"]!.GetValue<int>());
        Assert.Equal("alice", payload["sender"]!["login"]!.GetValue<string>());
        Assert.Equal(h.Installation.Id, payload["installation"]!["id"]!.GetValue<long>());
    }

    private static string Annotation(int line, string level) =>
        new JsonObject
        {
            ["path"] = "src/app.txt",
            ["start_line"] = line,
            ["end_line"] = line,
            ["annotation_level"] = level,
            ["title"] = "Finding",
            ["message"] = "at " + line,
        }.ToJsonString();
}
