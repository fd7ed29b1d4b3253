using System.Net;
using System.Text;
using GitBot.Simulator.Tests.Support;

namespace GitBot.Simulator.Tests;

/// <summary>The REST operations GitBot's issue → plan → pull request flow makes, over HTTP with an installation token.</summary>
public sealed class IssueFlowRestTests
{
    private const string Repo = $"repos/{SimulatorHarness.Repo}";

    [Fact]
    public async Task Reactions_on_an_issue_are_created_once_per_user_and_content()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var number = await h.OpenIssueAsync();

        using var eyes = await h.PostAsync($"{Repo}/issues/{number}/reactions", """{"content":"eyes"}""");
        using var again = await h.PostAsync($"{Repo}/issues/{number}/reactions", """{"content":"eyes"}""");
        using var plusOne = await h.PostAsync($"{Repo}/issues/{number}/reactions", """{"content":"+1"}""");

        Assert.Equal(HttpStatusCode.Created, eyes.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Created, plusOne.StatusCode);
        var reaction = await SimulatorHarness.ReadAsync(plusOne);
        Assert.Equal("+1", reaction["content"]!.GetValue<string>());
        Assert.Equal(h.Simulator.App.BotLogin, reaction["user"]!["login"]!.GetValue<string>());
        Assert.Equal(["eyes", "+1"], h.Simulator.GetIssue(SimulatorHarness.Repo, number)!.Reactions);
    }

    [Fact]
    public async Task A_comment_is_edited_in_place_and_listed_with_its_new_body()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var number = await h.OpenIssueAsync();
        await h.Simulator.CommentAsync(SimulatorHarness.Repo, number, "first!", "alice", CancellationToken.None);
        using var created = await h.PostAsync($"{Repo}/issues/{number}/comments", """{"body":"Plan: pending"}""");
        var id = (await SimulatorHarness.ReadAsync(created))["id"]!.GetValue<long>();

        using var edited = await h.Http.PatchAsync($"{Repo}/issues/comments/{id}", SimulatorHarness.Json("""{"body":"Plan: done"}"""));
        using var listed = await h.Http.GetAsync($"{Repo}/issues/{number}/comments");

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var comments = (await SimulatorHarness.ReadAsync(listed)).AsArray();
        Assert.Equal(["first!", "Plan: done"], comments.Select(c => c!["body"]!.GetValue<string>()));
        Assert.Equal(id, comments[1]!["id"]!.GetValue<long>());
        Assert.Equal(h.Simulator.App.BotLogin, comments[1]!["user"]!["login"]!.GetValue<string>());
        Assert.Equal("Bot", comments[1]!["user"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_draft_pull_request_stays_draft_is_found_by_head_and_its_body_can_be_updated()
    {
        await using var h = await SimulatorHarness.StartAsync();
        await GitHelper.PushBranchAsync(h.Repository, "gitbot/7", "src/a.txt", "a\n");
        await GitHelper.PushBranchAsync(h.Repository, "other", "src/b.txt", "b\n");
        using var other = await h.PostAsync($"{Repo}/pulls", """{"title":"Other","head":"other","base":"main"}""");

        using var created = await h.PostAsync($"{Repo}/pulls",
            """{"title":"Fix #7","head":"gitbot/7","base":"main","body":"Closes #7","draft":true}""");
        var pull = await SimulatorHarness.ReadAsync(created);
        var number = pull["number"]!.GetValue<int>();
        using var byHead = await h.Http.GetAsync($"{Repo}/pulls?state=open&head=octo-org:gitbot/7");
        using var byOtherOwner = await h.Http.GetAsync($"{Repo}/pulls?state=open&head=someone:gitbot/7");
        using var updated = await h.Http.PatchAsync($"{Repo}/pulls/{number}",
            SimulatorHarness.Json("""{"body":"Closes #7\n\n- [x] task a"}"""));
        using var fetched = await h.Http.GetAsync($"{Repo}/pulls/{number}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(pull["draft"]!.GetValue<bool>());
        var found = Assert.Single((await SimulatorHarness.ReadAsync(byHead)).AsArray())!;
        Assert.Equal(number, found["number"]!.GetValue<int>());
        Assert.True(found["draft"]!.GetValue<bool>());
        Assert.Empty((await SimulatorHarness.ReadAsync(byOtherOwner)).AsArray());
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var after = await SimulatorHarness.ReadAsync(fetched);
        Assert.Equal("Closes #7\n\n- [x] task a", after["body"]!.GetValue<string>());
        Assert.True(after["draft"]!.GetValue<bool>());
        Assert.True(h.Simulator.GetPullRequest(SimulatorHarness.Repo, number)!.Draft);
        Assert.False(h.Simulator.GetPullRequest(SimulatorHarness.Repo, number - 1)!.Draft);
        Assert.Empty(h.Simulator.RejectedRequests);
    }

    [Fact]
    public async Task Contents_of_a_directory_are_an_array_and_a_file_is_read_at_a_ref()
    {
        await using var h = await SimulatorHarness.StartAsync();
        await GitHelper.PushBranchAsync(h.Repository, "main", ".github/agents/backend.md", "---\nname: backend\n---\nDo it.\n");
        await GitHelper.PushBranchAsync(h.Repository, "main", ".github/gitbot.yml", "trigger_label: agent\n");
        await GitHelper.PushBranchAsync(h.Repository, "next", ".github/gitbot.yml", "trigger_label: robots\n");

        using var directory = await h.Http.GetAsync($"{Repo}/contents/.github/agents");
        using var onMain = await h.Http.GetAsync($"{Repo}/contents/.github/gitbot.yml");
        using var onNext = await h.Http.GetAsync($"{Repo}/contents/.github/gitbot.yml?ref=next");
        using var missing = await h.Http.GetAsync($"{Repo}/contents/.claude/agents");

        var entries = (await SimulatorHarness.ReadAsync(directory)).AsArray();
        var entry = Assert.Single(entries)!;
        Assert.Equal("backend.md", entry["name"]!.GetValue<string>());
        Assert.Equal(".github/agents/backend.md", entry["path"]!.GetValue<string>());
        Assert.Equal("file", entry["type"]!.GetValue<string>());
        Assert.Equal("trigger_label: agent\n", await DecodeAsync(onMain));
        Assert.Equal("trigger_label: robots\n", await DecodeAsync(onNext));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static async Task<string> DecodeAsync(HttpResponseMessage response)
    {
        var body = await SimulatorHarness.ReadAsync(response);
        Assert.Equal("file", body["type"]!.GetValue<string>());
        return Encoding.UTF8.GetString(Convert.FromBase64String(body["content"]!.GetValue<string>()));
    }
}
