using System.Net;
using System.Security.Cryptography;
using System.Text;
using GitBot.Simulator.Tests.Support;

namespace GitBot.Simulator.Tests;

public sealed class WebhookTests
{
    private static string Hmac256(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    [Fact]
    public async Task A_label_added_by_a_user_is_delivered_signed_with_githubs_headers()
    {
        await using var receiver = new WebhookReceiver();
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.SetWebhookTarget(receiver.Url);
        var number = await h.OpenIssueAsync();

        await h.Simulator.AddLabelAsync(SimulatorHarness.Repo, number, "gitbot", "alice", CancellationToken.None);
        await h.Simulator.WaitForDeliveriesAsync(CancellationToken.None);

        var hooks = receiver.Received.ToList();
        Assert.Equal(["issues", "issues"], hooks.Select(x => x.Event));
        var labeled = hooks[1];
        Assert.Equal(Hmac256(h.Simulator.App.WebhookSecret, labeled.Body), labeled.Headers["X-Hub-Signature-256"]);
        Assert.StartsWith("sha1=", labeled.Headers["X-Hub-Signature"], StringComparison.Ordinal);
        Assert.True(Guid.TryParse(labeled.Headers["X-GitHub-Delivery"], out _));
        Assert.Equal(h.Simulator.App.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            labeled.Headers["X-GitHub-Hook-Installation-Target-ID"]);
        Assert.Equal("integration", labeled.Headers["X-GitHub-Hook-Installation-Target-Type"]);
        Assert.StartsWith("GitHub-Hookshot/", labeled.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.NotEmpty(labeled.Headers["X-GitHub-Hook-ID"]);
        Assert.StartsWith("application/json", labeled.Headers["Content-Type"], StringComparison.Ordinal);

        var payload = labeled.Payload;
        Assert.Equal("labeled", payload["action"]!.GetValue<string>());
        Assert.Equal("gitbot", payload["label"]!["name"]!.GetValue<string>());
        Assert.Equal(number, payload["issue"]!["number"]!.GetValue<int>());
        Assert.Equal("gitbot", payload["issue"]!["labels"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(SimulatorHarness.Repo, payload["repository"]!["full_name"]!.GetValue<string>());
        Assert.Equal("alice", payload["sender"]!["login"]!.GetValue<string>());
        Assert.Equal(h.Installation.Id, payload["installation"]!["id"]!.GetValue<long>());
        Assert.NotNull(payload["installation"]!["node_id"]);
    }

    [Fact]
    public async Task A_custom_secret_is_used_for_signing()
    {
        await using var receiver = new WebhookReceiver();
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.SetWebhookTarget(receiver.Url, "rotated-secret");

        await h.Simulator.CommentAsync(SimulatorHarness.Repo, await h.OpenIssueAsync(), "@gitbot please", "alice", CancellationToken.None);
        await h.Simulator.WaitForDeliveriesAsync(CancellationToken.None);

        var comment = receiver.Received.Single(x => x.Event == "issue_comment");
        Assert.Equal(Hmac256("rotated-secret", comment.Body), comment.Headers["X-Hub-Signature-256"]);
        Assert.Equal("@gitbot please", comment.Payload["comment"]!["body"]!.GetValue<string>());
        Assert.Equal("created", comment.Payload["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rest_changes_pull_requests_reviews_and_checks_emit_their_events_in_order()
    {
        await using var receiver = new WebhookReceiver();
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.SetWebhookTarget(receiver.Url);
        var number = await ValidationTests.OpenPullAsync(h);
        var pull = h.Simulator.GetPullRequest(SimulatorHarness.Repo, number)!;

        using var comment = await h.PostAsync($"repos/{SimulatorHarness.Repo}/issues/{number}/comments", """{"body":"Working"}""");
        await h.Simulator.SubmitReviewAsync(SimulatorHarness.Repo, number, "carol", "APPROVE", null, CancellationToken.None);
        await h.Simulator.CompleteCheckRunAsync(SimulatorHarness.Repo, pull.HeadSha, "ci", "success", CancellationToken.None);
        await GitHelper.PushBranchAsync(h.Repository, "feature", "src/more.txt", "more\n", from: "feature");
        await h.Simulator.NotifyPushAsync(SimulatorHarness.Repo, "feature", "alice", CancellationToken.None);
        await h.Simulator.WaitForDeliveriesAsync(CancellationToken.None);

        var events = receiver.Received.Select(x => $"{x.Event}.{x.Payload["action"]}").ToList();
        Assert.Equal(["pull_request.opened", "issue_comment.created", "pull_request_review.submitted", "check_run.completed",
            "pull_request.synchronize"], events);
        var review = receiver.Received.Single(x => x.Event == "pull_request_review").Payload;
        Assert.Equal("approved", review["review"]!["state"]!.GetValue<string>().ToLowerInvariant());
        Assert.Equal(pull.HeadSha, review["pull_request"]!["head"]!["sha"]!.GetValue<string>());
        var check = receiver.Received.Single(x => x.Event == "check_run").Payload;
        Assert.Equal("success", check["check_run"]!["conclusion"]!.GetValue<string>());
        // A webhook's check run carries its whole suite, head SHA included (the REST shape has only the suite id).
        Assert.Equal(check["check_run"]!["head_sha"]!.GetValue<string>(), check["check_run"]!["check_suite"]!["head_sha"]!.GetValue<string>());
        Assert.Equal(h.Simulator.App.BotLogin,
            receiver.Received.Single(x => x.Event == "issue_comment").Payload["comment"]!["user"]!["login"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
    }

    [Fact]
    public async Task A_failed_delivery_is_logged_not_retried_and_redelivered_on_request_with_the_same_guid()
    {
        await using var receiver = new WebhookReceiver { StatusCode = 503 };
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.SetWebhookTarget(receiver.Url);

        await h.OpenIssueAsync();
        await h.Simulator.WaitForDeliveriesAsync(CancellationToken.None);

        var failed = Assert.Single(h.Simulator.DeliveryLog);
        Assert.Equal("Invalid HTTP Response: 503", failed.Status);
        Assert.Equal(503, failed.StatusCode);
        Assert.False(failed.Redelivery);
        Assert.Single(receiver.Received);

        using var app = SimulatorHarness.Client(h.Simulator, null);
        app.DefaultRequestHeaders.Authorization = new("Bearer", AppJwt.For(h.Simulator, DateTimeOffset.UtcNow));
        using var list = await app.GetAsync("app/hook/deliveries");
        var listed = Assert.Single((await SimulatorHarness.ReadAsync(list)).AsArray())!;
        Assert.Equal(failed.Id, listed["id"]!.GetValue<long>());
        Assert.Equal(failed.Guid.ToString(), listed["guid"]!.GetValue<string>());
        Assert.Equal(503, listed["status_code"]!.GetValue<int>());
        Assert.Equal("issues", listed["event"]!.GetValue<string>());
        Assert.Equal("opened", listed["action"]!.GetValue<string>());
        Assert.Equal(h.Installation.Id, listed["installation_id"]!.GetValue<long>());
        Assert.Equal(h.Repository.Id, listed["repository_id"]!.GetValue<long>());

        receiver.StatusCode = 202;
        using var redeliver = await app.PostAsync($"app/hook/deliveries/{failed.Id}/attempts", null);
        Assert.Equal(HttpStatusCode.Accepted, redeliver.StatusCode);
        await h.Simulator.WaitForDeliveriesAsync(CancellationToken.None);

        Assert.Equal(2, h.Simulator.DeliveryLog.Count);
        var retry = h.Simulator.DeliveryLog[1];
        Assert.True(retry.Redelivery);
        Assert.Equal(failed.Guid, retry.Guid);
        Assert.Equal("OK", retry.Status);
        Assert.NotEqual(failed.Id, retry.Id);
        var bodies = receiver.Received.Select(x => x.Body).ToList();
        Assert.Equal(bodies[0], bodies[1]);
        Assert.Equal(receiver.Received.First().Headers["X-GitHub-Delivery"], receiver.Received.Last().Headers["X-GitHub-Delivery"]);

        using var one = await app.GetAsync($"app/hook/deliveries/{failed.Id}");
        var detail = await SimulatorHarness.ReadAsync(one);
        Assert.Equal("opened", detail["request"]!["payload"]!["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unreachable_receiver_is_logged_with_status_code_zero()
    {
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.SetWebhookTarget(new Uri($"http://127.0.0.1:{GitBot.Testing.FreePort.Next()}/nobody"));

        await h.OpenIssueAsync();
        await h.Simulator.WaitForDeliveriesAsync(CancellationToken.None);

        var entry = Assert.Single(h.Simulator.DeliveryLog);
        Assert.Equal(0, entry.StatusCode);
        Assert.StartsWith("We couldn't deliver this payload", entry.Status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_delivery_log_pages_by_cursor_newest_first()
    {
        await using var receiver = new WebhookReceiver();
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.SetWebhookTarget(receiver.Url);
        for (var i = 0; i < 5; i++)
        {
            await h.OpenIssueAsync($"issue {i}");
        }

        await h.Simulator.WaitForDeliveriesAsync(CancellationToken.None);
        using var app = SimulatorHarness.Client(h.Simulator, null);
        app.DefaultRequestHeaders.Authorization = new("Bearer", AppJwt.For(h.Simulator, DateTimeOffset.UtcNow));

        var seen = new List<long>();
        var url = "app/hook/deliveries?per_page=2";
        var pages = 0;
        while (url is not null)
        {
            using var page = await app.GetAsync(url);
            seen.AddRange((await SimulatorHarness.ReadAsync(page)).AsArray().Select(x => x!["id"]!.GetValue<long>()));
            url = page.Headers.TryGetValues("Link", out var links)
                ? links.Single().Split('<', '>')[1]
                : null;
            Assert.True(url is null || url.Contains("cursor=v1_", StringComparison.Ordinal));
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(h.Simulator.DeliveryLog.Select(d => d.Id).OrderDescending(), seen);
    }

    [Fact]
    public async Task Installing_the_app_and_adding_a_repository_emit_installation_events()
    {
        await using var receiver = new WebhookReceiver();
        await using var simulator = await GitHubSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
        simulator.SetWebhookTarget(receiver.Url);

        var installation = simulator.AddInstallation("acme");
        var repo = await simulator.AddRepositoryAsync(installation, "acme/rockets", CancellationToken.None);
        await simulator.WaitForDeliveriesAsync(CancellationToken.None);

        var hooks = receiver.Received.ToList();
        Assert.Equal(["installation", "installation_repositories"], hooks.Select(x => x.Event));
        Assert.Equal(installation.Id, hooks[0].Payload["installation"]!["id"]!.GetValue<long>());
        Assert.Equal("acme", hooks[0].Payload["installation"]!["account"]!["login"]!.GetValue<string>());
        Assert.Equal(repo.Id, hooks[1].Payload["repositories_added"]![0]!["id"]!.GetValue<long>());
    }
}
