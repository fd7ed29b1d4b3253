using System.Net;
using System.Text;
using GitBot.Simulator.Tests.Support;
using GitBot.Testing;

namespace GitBot.Simulator.Tests;

public sealed class GitRepositoryTests
{
    [Fact]
    public async Task A_new_repository_is_a_real_bare_repo_that_git_can_clone()
    {
        await using var h = await SimulatorHarness.StartAsync();
        using var work = new TempDirectory("sim-clone");

        await GitHelper.GitAsync(work.Path, "clone", "--quiet", h.Repository.BareRepositoryPath, "c");

        var readme = await File.ReadAllTextAsync(Path.Combine(work.Path, "c", "README.md"));
        Assert.Contains("widgets", readme, StringComparison.Ordinal);
        Assert.Equal("main", await GitHelper.GitAsync(Path.Combine(work.Path, "c"), "rev-parse", "--abbrev-ref", "HEAD"));
        Assert.Equal("true", await GitHelper.GitAsync(h.Repository.BareRepositoryPath, "rev-parse", "--is-bare-repository"));
    }

    [Fact]
    public async Task Contents_are_served_from_the_bare_repository()
    {
        await using var h = await SimulatorHarness.StartAsync();
        await GitHelper.PushBranchAsync(h.Repository, "docs", "docs/guide/setup.md", "# Setup\n");

        using var file = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}/contents/docs/guide/setup.md?ref=docs");
        using var dir = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}/contents/docs?ref=docs");
        using var missing = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}/contents/docs/guide/setup.md");

        var body = await SimulatorHarness.ReadAsync(file);
        Assert.Equal("file", body["type"]!.GetValue<string>());
        Assert.Equal("base64", body["encoding"]!.GetValue<string>());
        Assert.Equal("# Setup\n", Encoding.UTF8.GetString(Convert.FromBase64String(body["content"]!.GetValue<string>())));
        Assert.Equal("guide", (await SimulatorHarness.ReadAsync(dir))[0]!["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Merging_honours_sha_and_really_merges_into_the_base_branch()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var head = await GitHelper.PushBranchAsync(h.Repository, "feature", "src/widget.txt", "widget\n");
        using var created = await h.PostAsync($"repos/{SimulatorHarness.Repo}/pulls",
            """{"title":"Add widget","head":"feature","base":"main","body":"Closes #1"}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var number = (await SimulatorHarness.ReadAsync(created))["number"]!.GetValue<int>();

        using var files = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}/pulls/{number}/files");
        var file = Assert.Single((await SimulatorHarness.ReadAsync(files)).AsArray())!;
        Assert.Equal("src/widget.txt", file["filename"]!.GetValue<string>());
        Assert.Equal("added", file["status"]!.GetValue<string>());

        using var stale = await h.Http.PutAsync($"repos/{SimulatorHarness.Repo}/pulls/{number}/merge",
            SimulatorHarness.Json("""{"sha":"0000000000000000000000000000000000000000","merge_method":"merge"}"""));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.StartsWith("Head branch was modified", (await SimulatorHarness.ReadAsync(stale))["message"]!.GetValue<string>(),
            StringComparison.Ordinal);

        using var merged = await h.Http.PutAsync($"repos/{SimulatorHarness.Repo}/pulls/{number}/merge",
            SimulatorHarness.Json($$"""{"sha":"{{head}}","merge_method":"merge"}"""));
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var mergeSha = (await SimulatorHarness.ReadAsync(merged))["sha"]!.GetValue<string>();
        Assert.Equal(mergeSha, await GitHelper.GitAsync(h.Repository.BareRepositoryPath, "rev-parse", "refs/heads/main"));
        Assert.Equal(head, await GitHelper.GitAsync(h.Repository.BareRepositoryPath, "rev-parse", "refs/heads/main^2"));
        var snapshot = h.Simulator.GetPullRequest(SimulatorHarness.Repo, number)!;
        Assert.True(snapshot.Merged);
        Assert.Equal("closed", snapshot.State);

        using var again = await h.Http.PutAsync($"repos/{SimulatorHarness.Repo}/pulls/{number}/merge", SimulatorHarness.Json("{}"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, again.StatusCode);
    }

    [Fact]
    public async Task A_push_after_review_moves_the_head_so_the_old_sha_no_longer_merges()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var number = await ValidationTests.OpenPullAsync(h);
        var reviewed = h.Simulator.GetPullRequest(SimulatorHarness.Repo, number)!.HeadSha;

        await GitHelper.PushBranchAsync(h.Repository, "feature", "src/late.txt", "sneaky\n", from: "feature");
        using var merge = await h.Http.PutAsync($"repos/{SimulatorHarness.Repo}/pulls/{number}/merge",
            SimulatorHarness.Json($$"""{"sha":"{{reviewed}}"}"""));

        Assert.Equal(HttpStatusCode.Conflict, merge.StatusCode);
        Assert.NotEqual(reviewed, h.Simulator.GetPullRequest(SimulatorHarness.Repo, number)!.HeadSha);
    }

    [Fact]
    public async Task Creating_a_pull_request_from_a_missing_branch_is_422()
    {
        await using var h = await SimulatorHarness.StartAsync();

        using var response = await h.PostAsync($"repos/{SimulatorHarness.Repo}/pulls", """{"title":"x","head":"ghost","base":"main"}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("head", (await SimulatorHarness.ReadAsync(response))["errors"]![0]!["field"]!.GetValue<string>());
    }
}
