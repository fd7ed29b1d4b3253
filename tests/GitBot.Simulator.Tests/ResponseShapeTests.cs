using System.Net.Http.Headers;
using System.Text.Json;
using GitBot.Simulator.Handlers;
using GitBot.Simulator.OpenApi;
using GitBot.Simulator.Tests.Support;
using GitBot.Testing;

namespace GitBot.Simulator.Tests;

/// <summary>
/// Drives every operation the simulator implements and checks each success body against the documented response schema
/// (every required field, types, enums), so a client built against GitHub's documentation can rely on the simulator.
/// </summary>
public sealed class ResponseShapeTests
{
    private static OpenApiSpec Spec => OpenApiSpec.Load(SharedFiles.RestApiJson);

    [Fact]
    public async Task Every_implemented_operation_answers_with_its_documented_shape()
    {
        await using var receiver = new WebhookReceiver();
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.SetWebhookTarget(receiver.Url);
        var repo = $"repos/{SimulatorHarness.Repo}";
        using var app = SimulatorHarness.Client(h.Simulator, null);
        app.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AppJwt.For(h.Simulator, DateTimeOffset.UtcNow));
        var checkedOperations = new HashSet<string>(StringComparer.Ordinal);

        async Task<JsonElement> Call(HttpClient client, HttpMethod method, string path, string? body = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : SimulatorHarness.Json(body) };
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{method} {path} → {(int)response.StatusCode} {text}");
            var segments = path.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
            var operation = Spec.Routes.Match(method.Method, segments)!.Operation;
            using var document = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
            if (operation.SuccessSchema is { } schema && text.Length > 0)
            {
                var violations = SchemaValidator.Validate(Spec, schema, document.RootElement);
                Assert.True(violations.Count == 0,
                    $"{operation.OperationId}: {string.Join("; ", violations.Take(10).Select(v => $"{v.Field}: {v.Message}"))}");
            }

            checkedOperations.Add(operation.OperationId);
            return document.RootElement.Clone();
        }

        await Call(app, HttpMethod.Get, "app");
        await Call(app, HttpMethod.Get, "app/installations");
        await Call(app, HttpMethod.Get, $"app/installations/{h.Installation.Id}");
        await Call(app, HttpMethod.Get, $"{repo}/installation");
        var token = (await Call(app, HttpMethod.Post, $"app/installations/{h.Installation.Id}/access_tokens", "{}"))
            .GetProperty("token").GetString();
        using var api = SimulatorHarness.Client(h.Simulator, token);
        await Call(api, HttpMethod.Get, "installation/repositories");
        await Call(api, HttpMethod.Get, repo);
        await Call(api, HttpMethod.Get, "rate_limit");
        await Call(api, HttpMethod.Get, $"{repo}/contents/README.md");

        var issue = await h.OpenIssueAsync();
        await Call(api, HttpMethod.Get, $"{repo}/issues/{issue}");
        await Call(api, HttpMethod.Patch, $"{repo}/issues/{issue}", """{"title":"Renamed"}""");
        var comment = (await Call(api, HttpMethod.Post, $"{repo}/issues/{issue}/comments", """{"body":"hi"}""")).GetProperty("id").GetInt64();
        await Call(api, HttpMethod.Get, $"{repo}/issues/comments/{comment}");
        await Call(api, HttpMethod.Patch, $"{repo}/issues/comments/{comment}", """{"body":"hello"}""");
        await Call(api, HttpMethod.Get, $"{repo}/issues/{issue}/comments");
        await Call(api, HttpMethod.Post, $"{repo}/issues/{issue}/labels", """{"labels":["gitbot","wip"]}""");
        await Call(api, HttpMethod.Delete, $"{repo}/issues/{issue}/labels/wip");
        await Call(api, HttpMethod.Get, $"{repo}/issues/{issue}/labels");
        await Call(api, HttpMethod.Post, $"{repo}/issues/{issue}/reactions", """{"content":"eyes"}""");
        await Call(api, HttpMethod.Post, $"{repo}/issues/comments/{comment}/reactions", """{"content":"+1"}""");
        h.Simulator.SetPermission(SimulatorHarness.Repo, "alice", "maintain");
        var permission = await Call(api, HttpMethod.Get, $"{repo}/collaborators/alice/permission");
        Assert.Equal("write", permission.GetProperty("permission").GetString());
        Assert.Equal("maintain", permission.GetProperty("role_name").GetString());
        await Call(api, HttpMethod.Get, $"{repo}/collaborators/alice");

        var head = await GitHelper.PushBranchAsync(h.Repository, "feature", "src/widget.txt", "widget\n");
        await GitHelper.PushBranchAsync(h.Repository, "main", ".github/workflows/gitbot.yml", "on: workflow_dispatch\n");
        var pull = (await Call(api, HttpMethod.Post, $"{repo}/pulls", """{"title":"Widget","head":"feature","base":"main"}"""))
            .GetProperty("number").GetInt32();
        await Call(api, HttpMethod.Get, $"{repo}/pulls/{pull}");
        await Call(api, HttpMethod.Get, $"{repo}/pulls?state=open&head=octo-org:feature");
        await Call(api, HttpMethod.Patch, $"{repo}/pulls/{pull}", """{"body":"Now with a body"}""");
        await Call(api, HttpMethod.Get, $"{repo}/pulls/{pull}/files");

        // The App opened `pull`, and GitHub refuses a change request from a pull request's own author: alice's is reviewed.
        var theirs = await h.Simulator.OpenPullRequestAsync(SimulatorHarness.Repo, "feature", "main", "Widget (alice)", null, "alice", CancellationToken.None);
        pull = theirs;
        var review = (await Call(api, HttpMethod.Post, $"{repo}/pulls/{pull}/reviews",
            $$"""{"commit_id":"{{head}}","event":"REQUEST_CHANGES","body":"Fix","comments":[{"path":"src/widget.txt","line":1,"side":"RIGHT","body":"why?"}]}"""))
            .GetProperty("id").GetInt64();
        await Call(api, HttpMethod.Get, $"{repo}/pulls/{pull}/reviews");
        await Call(api, HttpMethod.Get, $"{repo}/pulls/{pull}/reviews/{review}/comments");
        await Call(api, HttpMethod.Get, $"{repo}/pulls/{pull}/comments");
        await Call(api, HttpMethod.Get, $"{repo}/pulls/{pull}/reviews/{review}");
        await Call(api, HttpMethod.Put, $"{repo}/pulls/{pull}/reviews/{review}/dismissals", """{"message":"stale","event":"DISMISS"}""");
        var run = (await Call(api, HttpMethod.Post, $"{repo}/check-runs",
            $$$"""{"name":"gitbot","head_sha":"{{{head}}}","status":"in_progress","output":{"title":"Working","summary":"…"}}"""))
            .GetProperty("id").GetInt64();
        await Call(api, HttpMethod.Patch, $"{repo}/check-runs/{run}",
            """{"conclusion":"success","output":{"title":"Done","summary":"ok","annotations":[{"path":"src/widget.txt","start_line":1,"end_line":1,"annotation_level":"notice","message":"hi"}]}}""");
        await Call(api, HttpMethod.Get, $"{repo}/check-runs/{run}/annotations");
        await Call(api, HttpMethod.Get, $"{repo}/check-runs/{run}");
        await Call(api, HttpMethod.Get, $"{repo}/commits/{head}/check-runs");
        await Call(api, HttpMethod.Post, $"{repo}/statuses/{head}", """{"state":"pending","context":"gitbot","description":"waiting"}""");
        await Call(api, HttpMethod.Get, $"{repo}/commits/feature/statuses");
        await Call(api, HttpMethod.Post, $"{repo}/actions/workflows/gitbot.yml/dispatches", """{"ref":"main","inputs":{"task":"7"}}""");
        await Call(api, HttpMethod.Put, $"{repo}/pulls/{pull}/merge", $$"""{"sha":"{{head}}","merge_method":"squash"}""");

        await h.Simulator.WaitForDeliveriesAsync(CancellationToken.None);
        var delivery = h.Simulator.DeliveryLog[0].Id;
        await Call(app, HttpMethod.Get, "app/hook/deliveries");
        await Call(app, HttpMethod.Get, $"app/hook/deliveries/{delivery}");
        await Call(app, HttpMethod.Post, $"app/hook/deliveries/{delivery}/attempts");
        var code = h.Simulator.CreateManifestCode("""{"name":"Shape Bot","url":"https://bot.example.org","redirect_url":"https://bot.example.org/cb","default_permissions":{"issues":"write"},"default_events":["issues"]}""");
        await Call(app, HttpMethod.Post, $"app-manifests/{code}/conversions");
        h.Simulator.AddUser("mona", SimulatorHarness.Repo);
        using var user = SimulatorHarness.Client(h.Simulator, h.Simulator.IssueUserToken("mona"));
        await Call(user, HttpMethod.Get, "user");
        await Call(user, HttpMethod.Get, "user/installations");
        await Call(user, HttpMethod.Get, $"user/installations/{h.Installation.Id}/repositories");
        await h.Simulator.WaitForDeliveriesAsync(CancellationToken.None);

        Assert.Empty(h.Simulator.RejectedRequests);
        Assert.Equal([.. HandlerRegistry.Instance.OperationIds.Order()], [.. checkedOperations.Order()]);
        Assert.Single(h.Simulator.GetWorkflowDispatches(SimulatorHarness.Repo));
        Assert.Equal("success", h.Simulator.GetCheckRuns(SimulatorHarness.Repo).Single().Conclusion);
        Assert.All(h.Simulator.DeliveryLog, d => Assert.Equal("OK", d.Status));
    }

    [Fact]
    public async Task Webhook_payloads_carry_the_required_fields_of_their_documented_schema()
    {
        await using var receiver = new WebhookReceiver();
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.SetWebhookTarget(receiver.Url);
        var number = await ValidationTests.OpenPullAsync(h);
        var issue = await h.Simulator.OpenIssueAsync(SimulatorHarness.Repo, "Bug", "It breaks", "alice", ["gitbot"], CancellationToken.None);
        await h.Simulator.CommentAsync(SimulatorHarness.Repo, issue, "@gitbot go", "alice", CancellationToken.None);
        await h.Simulator.SubmitReviewAsync(SimulatorHarness.Repo, number, "carol", "COMMENT", "nit", CancellationToken.None);
        await h.Simulator.CompleteCheckRunAsync(SimulatorHarness.Repo, h.Simulator.GetPullRequest(SimulatorHarness.Repo, number)!.HeadSha,
            "ci", "failure", CancellationToken.None);
        await h.Simulator.WaitForDeliveriesAsync(CancellationToken.None);

        var received = receiver.Received.ToList();
        Assert.Equal(6, received.Count);
        foreach (var hook in received)
        {
            using var payload = JsonDocument.Parse(hook.Body);
            var action = payload.RootElement.GetProperty("action").GetString();
            var schema = Spec.WebhookSchema(hook.Event, action);
            Assert.True(schema is not null, $"no documented schema for {hook.Event}.{action}");
            var missing = SchemaValidator.Validate(Spec, schema!.Value, payload.RootElement)
                .Where(v => v.Code == "missing_field").ToList();
            Assert.True(missing.Count == 0, $"{hook.Event}.{action}: {string.Join("; ", missing.Take(10).Select(v => v.Field))}");
        }
    }
}
