using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GitBot.Simulator.Tests.Support;
using GitBot.Testing;

namespace GitBot.Simulator.Tests.PullRequests;

/// <summary><c>GET …/pulls/{n}</c> with the diff media type: git's diff from the merge base, and GitHub's 406 when too large.</summary>
public sealed class PullDiffTests
{
    private const string DiffMediaType = "application/vnd.github.diff";

    [Fact]
    public async Task The_diff_media_type_answers_the_git_diff_from_the_merge_base_to_the_head_with_renames()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var number = await DiffFixture.OpenAsync(h);
        // main moves on after the branch left it: the diff starts at the merge base, so this file is not in it.
        await h.Simulator.CommitFilesAsync(SimulatorHarness.Repo, "main", new Dictionary<string, string> { ["later.txt"] = "later\n" },
            "Later on main", "dave", CancellationToken.None);

        var (status, contentType, diff) = await GetDiffAsync(h, number, DiffMediaType);
        var (v3Status, _, v3Diff) = await GetDiffAsync(h, number, "application/vnd.github.v3.diff");
        using var json = await h.Http.GetAsync($"repos/{SimulatorHarness.Repo}/pulls/{number}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/vnd.github.diff; charset=utf-8", contentType);
        Assert.Equal(HttpStatusCode.OK, v3Status);
        Assert.Equal(diff, v3Diff);
        Assert.Equal(await GitHelper.GitAsync(h.Repository.BareRepositoryPath, "diff", "--find-renames", "main~1...feature") + "\n", diff);
        Assert.Contains("diff --git a/src/app.txt b/src/app.txt\nindex ", diff, StringComparison.Ordinal);
        Assert.Contains("--- a/src/app.txt\n+++ b/src/app.txt\n@@ ", diff, StringComparison.Ordinal);
        Assert.Contains("-line 3\n+line three\n", diff, StringComparison.Ordinal);
        Assert.Contains("diff --git a/docs/old.md b/docs/new.md\nsimilarity index 100%\nrename from docs/old.md\nrename to docs/new.md",
            diff, StringComparison.Ordinal);
        Assert.Contains("diff --git a/src/new.txt b/src/new.txt\nnew file mode 100644", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("later.txt", diff, StringComparison.Ordinal);
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        Assert.Empty(h.Simulator.RejectedRequests);
    }

    [Fact]
    public async Task A_diff_over_20000_lines_is_refused_with_406_like_GitHub()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var big = string.Concat(Enumerable.Range(1, 20_001).Select(i => string.Create(CultureInfo.InvariantCulture, $"row {i}\n")));
        await h.Simulator.CommitFilesAsync(SimulatorHarness.Repo, "big", new Dictionary<string, string> { ["big.txt"] = big }, "Big",
            "alice", CancellationToken.None);
        var number = await h.Simulator.OpenPullRequestAsync(SimulatorHarness.Repo, "big", "main", "Big", null, "alice", CancellationToken.None);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"repos/{SimulatorHarness.Repo}/pulls/{number}");
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(DiffMediaType));
        using var response = await h.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        var body = await SimulatorHarness.ReadAsync(response);
        Assert.Equal("Sorry, the diff exceeded the maximum number of lines (20000)", body["message"]!.GetValue<string>());
        Assert.Equal("too_large", body["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refs_pull_head_follows_the_pull_request_and_can_be_fetched_but_not_pushed()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var number = await DiffFixture.OpenAsync(h);
        var token = h.Simulator.IssueInstallationToken(h.Installation.Id);
        var pullRef = $"refs/pull/{number}/head";
        var opened = h.Simulator.GetPullRequest(SimulatorHarness.Repo, number)!.HeadSha;

        var advertisedAtOpen = await GitOverHttp.GitAsync(Path.GetTempPath(), token, "ls-remote", h.Repository.CloneUrl, pullRef);
        var pushed = await h.Simulator.PushCommitAsync(SimulatorHarness.Repo, "feature",
            new Dictionary<string, string> { ["src/fix.txt"] = "fix\n" }, "Fix", "bob", CancellationToken.None);
        using var work = new TempDirectory("sim-pull-ref");
        await GitOverHttp.GitAsync(work.Path, null, "init", "--quiet", "c");
        var tree = Path.Combine(work.Path, "c");
        await GitOverHttp.GitAsync(tree, token, "fetch", "--quiet", h.Repository.CloneUrl, pullRef);
        var fetched = await GitOverHttp.GitAsync(tree, null, "rev-parse", "FETCH_HEAD");
        await GitOverHttp.GitAsync(tree, null, "checkout", "--quiet", "FETCH_HEAD");
        await GitOverHttp.CommitAsync(tree, "evil.txt", "x\n");
        var push = await GitOverHttp.RunAsync(tree, token, "push", h.Repository.CloneUrl, "HEAD:" + pullRef);

        Assert.Equal($"{opened}\t{pullRef}", advertisedAtOpen);
        Assert.Equal(pushed, fetched);
        Assert.Equal(pushed, await GitHelper.GitAsync(h.Repository.BareRepositoryPath, "rev-parse", pullRef));
        Assert.False(push.Succeeded);
        Assert.Contains("hidden ref", push.StandardError, StringComparison.Ordinal);
    }

    internal static async Task<(HttpStatusCode Status, string? ContentType, string Body)> GetDiffAsync(SimulatorHarness h, int number,
        string mediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"repos/{SimulatorHarness.Repo}/pulls/{number}");
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        using var response = await h.Http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.ToString(), Encoding.UTF8.GetString(bytes));
    }
}
