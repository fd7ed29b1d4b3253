using System.Text.Json;
using System.Text.Json.Nodes;
using GitBot.Simulator.OpenApi;
using GitBot.Simulator.Tests.Support;
using GitBot.Testing;

namespace GitBot.Simulator.Tests.PullRequests;

/// <summary>
/// A pull request from a fork: its head is the fork's (REST and webhook, both valid against GitHub's description), its
/// commit lives in the base repository only as <c>refs/pull/{n}/head</c>, and the base repository's branch of the same
/// name is another branch.
/// </summary>
public sealed class ForkPullRequestTests
{
    private const string Fork = "mallory/widgets";
    private static readonly CancellationToken None = CancellationToken.None;

    private static OpenApiSpec Spec => OpenApiSpec.Load(SharedFiles.RestApiJson);

    [Fact]
    public async Task A_fork_pull_request_has_the_forks_head_repository_and_its_head_only_at_refs_pull_head()
    {
        await using var receiver = new WebhookReceiver();
        await using var h = await SimulatorHarness.StartAsync();
        h.Simulator.SetWebhookTarget(receiver.Url);
        var bare = h.Repository.BareRepositoryPath;
        var main = await GitHelper.GitAsync(bare, "rev-parse", "refs/heads/main");

        var number = await h.Simulator.OpenForkPullRequestAsync(SimulatorHarness.Repo, Fork, "gitbot/1",
            new Dictionary<string, string> { ["notes.txt"] = "from the fork\n" }, "From a fork", "Please take this.", "mallory", None);
        await h.Simulator.WaitForDeliveriesAsync(None);

        var snapshot = h.Simulator.GetPullRequest(SimulatorHarness.Repo, number)!;
        Assert.Equal(Fork, snapshot.HeadRepository);
        Assert.Equal("gitbot/1", snapshot.HeadRef);
        Assert.Equal("mallory", snapshot.Author);
        Assert.Equal(snapshot.HeadSha, await GitHelper.GitAsync(bare, "rev-parse", $"refs/pull/{number}/head"));
        Assert.Equal(main, await GitHelper.GitAsync(bare, "rev-parse", snapshot.HeadSha + "~1"));
        Assert.Equal("from the fork\n", await GitHelper.GitAsync(bare, "show", snapshot.HeadSha + ":notes.txt") + "\n");
        Assert.DoesNotContain("refs/heads/gitbot/1", await GitHelper.GitAsync(bare, "for-each-ref", "--format=%(refname)"), StringComparison.Ordinal);

        using var response = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}/pulls/{number}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        using (var document = JsonDocument.Parse(text))
        {
            var operation = Spec.Routes.Match("GET", ["repos", "octo-org", "widgets", "pulls", "1"])!.Operation;
            var violations = SchemaValidator.Validate(Spec, operation.SuccessSchema!.Value, document.RootElement);
            Assert.True(violations.Count == 0, string.Join("; ", violations.Take(10).Select(v => $"{v.Field}: {v.Message}")));
        }

        var pull = JsonNode.Parse(text)!;
        AssertForkHead(pull["head"]!, snapshot.HeadSha);
        Assert.Equal(SimulatorHarness.Repo, pull["base"]!["repo"]!["full_name"]!.GetValue<string>());
        Assert.False(pull["base"]!["repo"]!["fork"]!.GetValue<bool>());
        Assert.Equal(main, pull["base"]!["sha"]!.GetValue<string>());

        var opened = Assert.Single(receiver.Received, x => x.Event == "pull_request");
        Assert.Equal("opened", opened.Payload["action"]!.GetValue<string>());
        AssertForkHead(opened.Payload["pull_request"]!["head"]!, snapshot.HeadSha);
        Assert.Equal(SimulatorHarness.Repo, opened.Payload["repository"]!["full_name"]!.GetValue<string>());
        using var payload = JsonDocument.Parse(opened.Body);
        var missing = SchemaValidator.Validate(Spec, Spec.WebhookSchema("pull_request", "opened")!.Value, payload.RootElement)
            .Where(v => v.Code == "missing_field").ToList();
        Assert.True(missing.Count == 0, string.Join("; ", missing.Take(10).Select(v => v.Field)));
        Assert.Empty(h.Simulator.RejectedRequests);
    }

    [Fact]
    public async Task The_base_repositorys_branch_of_the_same_name_neither_moves_nor_finds_the_fork_pull_request()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var number = await h.Simulator.OpenForkPullRequestAsync(SimulatorHarness.Repo, Fork, "gitbot/1",
            new Dictionary<string, string> { ["notes.txt"] = "from the fork\n" }, "From a fork", null, "mallory", None);
        var head = h.Simulator.GetPullRequest(SimulatorHarness.Repo, number)!.HeadSha;

        // The installation's own gitbot/1 is another branch: pushing it leaves the fork's pull request where it was.
        await h.Simulator.PushCommitAsync(SimulatorHarness.Repo, "gitbot/1", new Dictionary<string, string> { ["mine.txt"] = "mine\n" }, "Mine",
            "alice", None);
        using (var get = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}/pulls/{number}"))
        {
            Assert.Equal(head, (await SimulatorHarness.ReadAsync(get))["head"]!["sha"]!.GetValue<string>());
        }

        Assert.Equal(head, h.Simulator.GetPullRequest(SimulatorHarness.Repo, number)!.HeadSha);
        Assert.Equal(head, await GitHelper.GitAsync(h.Repository.BareRepositoryPath, "rev-parse", $"refs/pull/{number}/head"));

        Assert.Equal(0, await CountAsync(h, "octo-org:gitbot/1"));
        Assert.Equal(0, await CountAsync(h, "gitbot/1"));
        Assert.Equal(1, await CountAsync(h, "mallory:gitbot/1"));

        // The base repository may open its own pull request from its gitbot/1 alongside the fork's.
        using var own = await h.PostAsync($"repos/{SimulatorHarness.Repo}/pulls", """{"title":"Own","head":"gitbot/1","base":"main"}""");
        Assert.Equal(201, (int)own.StatusCode);
        Assert.Equal(SimulatorHarness.Repo, (await SimulatorHarness.ReadAsync(own))["head"]!["repo"]!["full_name"]!.GetValue<string>());
        Assert.Equal(1, await CountAsync(h, "octo-org:gitbot/1"));
        Assert.Empty(h.Simulator.RejectedRequests);
    }

    private static void AssertForkHead(JsonNode head, string sha)
    {
        Assert.Equal("gitbot/1", head["ref"]!.GetValue<string>());
        Assert.Equal(sha, head["sha"]!.GetValue<string>());
        Assert.Equal("mallory:gitbot/1", head["label"]!.GetValue<string>());
        Assert.Equal("mallory", head["user"]!["login"]!.GetValue<string>());
        Assert.Equal(Fork, head["repo"]!["full_name"]!.GetValue<string>());
        Assert.True(head["repo"]!["fork"]!.GetValue<bool>());
        Assert.Equal("mallory", head["repo"]!["owner"]!["login"]!.GetValue<string>());
    }

    private static async Task<int> CountAsync(SimulatorHarness h, string head)
    {
        using var response = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}/pulls?head={Uri.EscapeDataString(head)}");
        return (await SimulatorHarness.ReadAsync(response)).AsArray().Count;
    }
}
