using System.Security.Cryptography;
using System.Text.Json;
using GitBot.Simulator.OpenApi;
using GitBot.Simulator.Tests.Support;
using GitBot.Testing;

namespace GitBot.Simulator.Tests;

/// <summary>The real git CLI clones, fetches and pushes over smart HTTP with an installation token, as against github.com.</summary>
public sealed class GitHttpTests
{
    [Fact]
    public async Task Clone_fetch_and_push_a_new_branch_over_http_with_an_installation_token()
    {
        await using var receiver = new WebhookReceiver();
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.SetWebhookTarget(receiver.Url);
        var token = h.Simulator.IssueInstallationToken(h.Installation.Id);
        using var work = new TempDirectory("sim-http");
        var tree = Path.Combine(work.Path, "c");

        Assert.StartsWith($"http://127.0.0.1:{h.Simulator.ApiUrl.Port}/", h.Repository.CloneUrl, StringComparison.Ordinal);
        await GitOverHttp.GitAsync(work.Path, token, "clone", "--quiet", h.Repository.CloneUrl, "c");
        Assert.Contains("widgets", await File.ReadAllTextAsync(Path.Combine(tree, "README.md")), StringComparison.Ordinal);
        Assert.Equal(h.Repository.CloneUrl, await GitOverHttp.GitAsync(tree, null, "remote", "get-url", "origin"));

        // Someone else moves main; a fetch over HTTP sees it.
        var moved = await GitHelper.PushBranchAsync(h.Repository, "main", "NOTES.md", "notes\n");
        await GitOverHttp.GitAsync(tree, token, "fetch", "--quiet", "origin");
        Assert.Equal(moved, await GitOverHttp.GitAsync(tree, null, "rev-parse", "origin/main"));

        await GitOverHttp.GitAsync(tree, null, "checkout", "--quiet", "-b", "gitbot/1/a", "origin/main");
        var pushed = await GitOverHttp.CommitAsync(tree, "src/a.txt", "task a\n");
        await GitOverHttp.GitAsync(tree, token, "push", "--quiet", "origin", "gitbot/1/a");
        await h.Simulator.WaitForDeliveriesAsync(CancellationToken.None);

        Assert.Equal(pushed, await GitHelper.GitAsync(h.Repository.BareRepositoryPath, "rev-parse", "refs/heads/gitbot/1/a"));
        var push = Assert.Single(receiver.Received, x => x.Event == "push").Payload;
        Assert.Equal("refs/heads/gitbot/1/a", push["ref"]!.GetValue<string>());
        Assert.True(push["created"]!.GetValue<bool>());
        Assert.False(push["forced"]!.GetValue<bool>());
        Assert.Equal(new string('0', 40), push["before"]!.GetValue<string>());
        Assert.Equal(pushed, push["after"]!.GetValue<string>());
        var commit = Assert.Single(push["commits"]!.AsArray())!;
        Assert.Equal(pushed, commit["id"]!.GetValue<string>());
        Assert.Equal("Change src/a.txt", commit["message"]!.GetValue<string>());
        Assert.Equal("src/a.txt", commit["added"]![0]!.GetValue<string>());
        Assert.Equal(pushed, push["head_commit"]!["id"]!.GetValue<string>());
        Assert.Equal(h.Simulator.App.BotLogin, push["pusher"]!["name"]!.GetValue<string>());
        Assert.Equal("Bot", push["sender"]!["type"]!.GetValue<string>());
        Assert.Equal(h.Installation.Id, push["installation"]!["id"]!.GetValue<long>());
        Assert.Equal(h.Repository.CloneUrl, push["repository"]!["clone_url"]!.GetValue<string>());
        AssertFitsSchema("push", push.ToJsonString());

        var requests = h.Simulator.GitRequests;
        Assert.All(requests, r => Assert.Equal(200, r.Status));
        Assert.All(requests, r => Assert.Equal(h.Simulator.App.BotLogin, r.Login));
        Assert.All(requests, r => Assert.Equal(h.Installation.Id, r.InstallationId));
        Assert.Contains(requests, r => r is { Method: "GET", Service: "git-upload-pack" });
        Assert.Contains(requests, r => r is { Method: "POST", Service: "git-upload-pack" });
        var receive = Assert.Single(requests, r => r is { Method: "POST", Service: "git-receive-pack" });
        Assert.Equal("/octo-org/widgets.git/git-receive-pack", receive.Path);
        Assert.Equal(["refs/heads/gitbot/1/a"], receive.UpdatedRefs);
        Assert.Empty(h.Simulator.RejectedRequests);
    }

    [Fact]
    public async Task Force_push_and_branch_deletion_are_reported_as_such()
    {
        await using var receiver = new WebhookReceiver();
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.SetWebhookTarget(receiver.Url);
        var token = h.Simulator.IssueInstallationToken(h.Installation.Id);
        using var work = new TempDirectory("sim-http");
        var tree = Path.Combine(work.Path, "c");
        await GitOverHttp.GitAsync(work.Path, token, "clone", "--quiet", h.Repository.CloneUrl, "c");
        await GitOverHttp.GitAsync(tree, null, "checkout", "--quiet", "-b", "topic");
        var first = await GitOverHttp.CommitAsync(tree, "x.txt", "one\n");
        await GitOverHttp.GitAsync(tree, token, "push", "--quiet", "origin", "topic");

        await GitOverHttp.GitAsync(tree, null, "reset", "--quiet", "--hard", "origin/main");
        var rewritten = await GitOverHttp.CommitAsync(tree, "y.txt", "two\n");
        await GitOverHttp.GitAsync(tree, token, "push", "--quiet", "--force", "origin", "topic");
        await GitOverHttp.GitAsync(tree, token, "push", "--quiet", "origin", "--delete", "topic");
        await h.Simulator.WaitForDeliveriesAsync(CancellationToken.None);

        var pushes = receiver.Received.Where(x => x.Event == "push").Select(x => x.Payload).ToList();
        Assert.Equal(3, pushes.Count);
        Assert.True(pushes[1]["forced"]!.GetValue<bool>());
        Assert.Equal(first, pushes[1]["before"]!.GetValue<string>());
        Assert.Equal(rewritten, pushes[1]["after"]!.GetValue<string>());
        Assert.True(pushes[2]["deleted"]!.GetValue<bool>());
        Assert.Equal(new string('0', 40), pushes[2]["after"]!.GetValue<string>());
        Assert.Null(pushes[2]["head_commit"]);
        var gone = await GitOverHttp.RunAsync(h.Repository.BareRepositoryPath, null, "rev-parse", "--verify", "--quiet", "refs/heads/topic");
        Assert.False(gone.Succeeded, "the deleted branch is still in the bare repository");
    }

    [Fact]
    public async Task A_push_over_http_moves_the_pull_request_head_and_emits_synchronize()
    {
        await using var receiver = new WebhookReceiver();
        await using var h = await SimulatorHarness.StartAsync();
        var number = await ValidationTests.OpenPullAsync(h);
        h.Simulator.SetWebhookTarget(receiver.Url);
        var token = h.Simulator.IssueInstallationToken(h.Installation.Id);
        using var work = new TempDirectory("sim-http");
        var tree = Path.Combine(work.Path, "c");
        await GitOverHttp.GitAsync(work.Path, token, "clone", "--quiet", "--branch", "feature", h.Repository.CloneUrl, "c");

        var pushed = await GitOverHttp.CommitAsync(tree, "src/more.txt", "more\n");
        await GitOverHttp.GitAsync(tree, token, "push", "--quiet", "origin", "feature");
        await h.Simulator.WaitForDeliveriesAsync(CancellationToken.None);

        Assert.Equal(["push", "pull_request"], receiver.Received.Select(x => x.Event));
        Assert.Equal("synchronize", receiver.Received.Last().Payload["action"]!.GetValue<string>());
        Assert.Equal(pushed, h.Simulator.GetPullRequest(SimulatorHarness.Repo, number)!.HeadSha);
    }

    [Fact]
    public async Task A_push_of_several_megabytes_goes_through_chunked()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var token = h.Simulator.IssueInstallationToken(h.Installation.Id);
        using var work = new TempDirectory("sim-http");
        var tree = Path.Combine(work.Path, "c");
        await GitOverHttp.GitAsync(work.Path, token, "clone", "--quiet", h.Repository.CloneUrl, "c");

        // Incompressible, so the pack is larger than git's 1 MiB http.postBuffer and is sent with chunked encoding.
        var big = RandomNumberGenerator.GetBytes(4 * 1024 * 1024);
        await File.WriteAllBytesAsync(Path.Combine(tree, "blob.bin"), big);
        await GitOverHttp.GitAsync(tree, null, "add", "-A");
        await GitOverHttp.GitAsync(tree, null, "commit", "--quiet", "-m", "A large file");
        await GitOverHttp.GitAsync(tree, token, "push", "--quiet", "origin", "HEAD:refs/heads/large");

        var size = await GitHelper.GitAsync(h.Repository.BareRepositoryPath, "cat-file", "-s", "refs/heads/large:blob.bin");
        Assert.Equal(big.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), size);

        // And it comes back intact over HTTP.
        await GitOverHttp.GitAsync(work.Path, token, "clone", "--quiet", "--branch", "large", h.Repository.CloneUrl, "again");
        Assert.Equal(big, await File.ReadAllBytesAsync(Path.Combine(work.Path, "again", "blob.bin")));
    }

    internal static void AssertFitsSchema(string eventName, string json)
    {
        var spec = OpenApiSpec.Load(SharedFiles.RestApiJson);
        using var payload = JsonDocument.Parse(json);
        var schema = spec.WebhookSchema(eventName, null);
        Assert.True(schema is not null, $"no documented schema for {eventName}");
        var violations = SchemaValidator.Validate(spec, schema!.Value, payload.RootElement);
        Assert.True(violations.Count == 0, string.Join("; ", violations.Take(10).Select(v => $"{v.Field}: {v.Message}")));
    }
}
