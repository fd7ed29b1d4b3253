using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GitBot.Simulator.Tests.Support;
using GitBot.Testing;

namespace GitBot.Simulator.Tests;

/// <summary>Who may use git over HTTP, and the protocol details git relies on (gzip request bodies, the ref advertisement).</summary>
public sealed class GitHttpAuthTests
{
    [Fact]
    public async Task Without_a_token_git_is_refused_401_with_githubs_basic_challenge()
    {
        await using var h = await SimulatorHarness.StartAsync();
        using var work = new TempDirectory("sim-http");

        var clone = await GitOverHttp.RunAsync(work.Path, null, "clone", "--quiet", h.Repository.CloneUrl, "c");
        using var http = new HttpClient();
        using var response = await http.GetAsync(h.Repository.CloneUrl + "/info/refs?service=git-upload-pack");

        Assert.False(clone.Succeeded);
        Assert.False(Directory.Exists(Path.Combine(work.Path, "c", ".git")));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic realm=\"GitHub\"", response.Headers.WwwAuthenticate.ToString());
        Assert.All(h.Simulator.GitRequests, r => Assert.Equal(401, r.Status));
        Assert.All(h.Simulator.GitRequests, r => Assert.Null(r.Login));
    }

    [Fact]
    public async Task An_invalid_or_revoked_token_is_401()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var token = h.Simulator.IssueInstallationToken(h.Installation.Id);
        using var http = new HttpClient();

        using var forged = await GetRefsAsync(http, h.Repository, "ghs_notatokenthesimulatorissued000000000");
        using var valid = await GetRefsAsync(http, h.Repository, token);
        h.Simulator.RevokeAllInstallationTokens();
        using var revoked = await GetRefsAsync(http, h.Repository, token);

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal("application/x-git-upload-pack-advertisement", valid.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("001e# service=git-upload-pack\n", await valid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
    }

    [Fact]
    public async Task A_token_of_another_installation_gets_404_as_if_the_repository_did_not_exist()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var other = h.Simulator.AddInstallation("someone-else");
        await h.Simulator.AddRepositoryAsync(other, "someone-else/tools", CancellationToken.None);
        var otherToken = h.Simulator.IssueInstallationToken(other.Id);
        using var work = new TempDirectory("sim-http");

        var clone = await GitOverHttp.RunAsync(work.Path, otherToken, "clone", "--quiet", h.Repository.CloneUrl, "c");
        var push = await GitOverHttp.RunAsync(work.Path, otherToken, "push", h.Repository.CloneUrl, "HEAD:refs/heads/x");

        Assert.False(clone.Succeeded);
        Assert.Contains("not found", clone.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.False(push.Succeeded);
        var refused = Assert.Single(h.Simulator.GitRequests, r => r.Service == "git-upload-pack");
        Assert.Equal(404, refused.Status);
        Assert.Equal(other.Id, refused.InstallationId);
        Assert.DoesNotContain(h.Simulator.GitRequests, r => r.Status == 200);
    }

    [Fact]
    public async Task A_one_repository_token_sees_only_its_repository()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var tools = await h.Simulator.AddRepositoryAsync(h.Installation, "octo-org/tools", CancellationToken.None);
        var scoped = h.Simulator.IssueRepositoryToken(tools.FullName);
        using var http = new HttpClient();

        using var own = await GetRefsAsync(http, tools, scoped);
        using var sibling = await GetRefsAsync(http, h.Repository, scoped);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, sibling.StatusCode);
    }

    [Fact]
    public async Task A_gzip_request_body_is_inflated_before_git_reads_it()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var token = h.Simulator.IssueInstallationToken(h.Installation.Id);
        var main = await GitHelper.GitAsync(h.Repository.BareRepositoryPath, "rev-parse", "refs/heads/main");
        var negotiation = Encoding.ASCII.GetBytes($"0032want {main}\n00000009done\n");
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            await gzip.WriteAsync(negotiation);
        }

        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, h.Repository.CloneUrl + "/git-upload-pack")
        {
            Content = new ByteArrayContent(compressed.ToArray()),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-git-upload-pack-request");
        request.Content.Headers.ContentEncoding.Add("gzip");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", GitOverHttp.BasicCredentials(token));
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-git-upload-pack-result", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("0008NAK\nPACK", Encoding.ASCII.GetString(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetching_many_branches_at_once_works_when_git_compresses_its_request()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var token = h.Simulator.IssueInstallationToken(h.Installation.Id);
        using var work = new TempDirectory("sim-http");
        var tree = Path.Combine(work.Path, "c");
        await GitOverHttp.GitAsync(work.Path, token, "clone", "--quiet", h.Repository.CloneUrl, "c");

        // 40 new branches, each on its own commit: the fetch request names them all (over 1 KiB, which git gzips).
        var bare = h.Repository.BareRepositoryPath;
        var root = await GitHelper.GitAsync(bare, "rev-parse", "main^{tree}");
        for (var i = 0; i < 40; i++)
        {
            var commit = await GitHelper.GitAsync(bare, "commit-tree", root, "-p", "main", "-m", $"topic {i}");
            await GitHelper.GitAsync(bare, "update-ref", $"refs/heads/topic/{i:D2}", commit);
        }

        await GitOverHttp.GitAsync(tree, token, "fetch", "--quiet", "origin");

        var branches = await GitOverHttp.GitAsync(tree, null, "branch", "-r", "--list", "origin/topic/*");
        Assert.Equal(40, branches.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.All(h.Simulator.GitRequests, r => Assert.Equal(200, r.Status));
    }

    private static async Task<HttpResponseMessage> GetRefsAsync(HttpClient http, SimulatedRepository repository, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, repository.CloneUrl + "/info/refs?service=git-upload-pack");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", GitOverHttp.BasicCredentials(token));
        return await http.SendAsync(request);
    }
}
