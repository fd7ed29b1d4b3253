using GitBot.Git.Repositories;

namespace GitBot.Git.Tests.Repositories;

public sealed class PullHeadFetcherTests
{
    [Fact]
    public async Task A_head_already_on_a_branch_is_found_without_fetching_the_pull_ref()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var head = await sandbox.PushFilesAsync("feature", new Dictionary<string, string> { ["f.txt"] = "f\n" }, "feature");
        await sandbox.GitAsync(sandbox.OriginPath, "update-ref", "refs/pull/3/head", head);
        var cache = await sandbox.MirrorAsync();

        var result = await new PullHeadFetcher(sandbox.Cli).EnsureCommitAsync(cache, 3, head.ToUpperInvariant(), null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(head, result.Value);
        var refs = await sandbox.GitAsync(cache, "for-each-ref", "--format=%(refname)", "refs/gitbot");
        Assert.Equal(string.Empty, refs);
    }

    [Fact]
    public async Task A_fork_head_is_fetched_from_the_pull_ref_and_survives_the_caches_pruning_fetch()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var cache = await sandbox.MirrorAsync();
        var fork = await PushForkHeadAsync(sandbox, 7, "fork.txt");

        var result = await new PullHeadFetcher(sandbox.Cli).EnsureCommitAsync(cache, 7, fork, null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(fork, result.Value);
        Assert.Equal(fork, await sandbox.GitAsync(cache, "rev-parse", PullHeadFetcher.LocalRef(7)));
        var again = await sandbox.Mirrors.EnsureAsync("octo/repo", sandbox.OriginPath, null, CancellationToken.None);
        Assert.True(again.Succeeded, again.Error);
        Assert.Equal(fork, await sandbox.GitAsync(cache, "rev-parse", PullHeadFetcher.LocalRef(7)));
    }

    [Fact]
    public async Task An_unknown_sha_without_a_pull_ref_fails_naming_the_sha_and_the_ref()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var cache = await sandbox.MirrorAsync();
        var unknown = new string('e', 40);

        var result = await new PullHeadFetcher(sandbox.Cli).EnsureCommitAsync(cache, 9, unknown, null, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains(unknown, result.Error, StringComparison.Ordinal);
        Assert.Contains("refs/pull/9/head could not be fetched", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sha_that_is_not_the_pull_refs_head_fails_saying_so()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var cache = await sandbox.MirrorAsync();
        await PushForkHeadAsync(sandbox, 4, "newer.txt");
        var stale = new string('a', 40);

        var result = await new PullHeadFetcher(sandbox.Cli).EnsureCommitAsync(cache, 4, stale, null, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("neither on a branch nor at refs/pull/4/head", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("main")]
    [InlineData("--upload-pack=evil")]
    [InlineData("abc123")]
    public async Task Anything_but_a_full_sha_is_refused_before_git_runs(string sha)
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var cache = await sandbox.MirrorAsync();

        var result = await new PullHeadFetcher(sandbox.Cli).EnsureCommitAsync(cache, 1, sha, null, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("is not a full commit sha", result.Error, StringComparison.Ordinal);
    }

    /// <summary>A commit that exists in origin only as <c>refs/pull/{n}/head</c>, as a fork's head does on GitHub.</summary>
    private static async Task<string> PushForkHeadAsync(GitSandbox sandbox, int pull, string file)
    {
        await sandbox.GitAsync(sandbox.SeedPath, "checkout", "--quiet", "-f", "--detach", "HEAD");
        await File.WriteAllTextAsync(Path.Combine(sandbox.SeedPath, file), "from a fork\n");
        await sandbox.GitAsync(sandbox.SeedPath, "add", "--all");
        await sandbox.GitAsync(sandbox.SeedPath, "commit", "--quiet", "-m", "fork change");
        await sandbox.GitAsync(sandbox.SeedPath, "push", "--quiet", "origin", $"HEAD:refs/pull/{pull}/head");
        return await sandbox.GitAsync(sandbox.SeedPath, "rev-parse", "HEAD");
    }
}
