namespace GitBot.Git.Tests.Repositories;

public sealed class MirrorCacheTests
{
    [Fact]
    public async Task First_call_clones_a_bare_cache_and_later_calls_fetch_new_commits()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var cache = await sandbox.MirrorAsync();

        Assert.Equal(sandbox.Mirrors.GetPath("octo/repo"), cache);
        Assert.Equal("true", await sandbox.GitAsync(cache, "rev-parse", "--is-bare-repository"));
        Assert.Equal(await sandbox.OriginRefAsync("main"), await sandbox.GitAsync(cache, "rev-parse", "refs/remotes/origin/main"));

        var pushed = await sandbox.PushFilesAsync("main", new Dictionary<string, string> { ["b.txt"] = "b\n" }, "second");
        var feature = await sandbox.PushFilesAsync("feature", new Dictionary<string, string> { ["c.txt"] = "c\n" }, "feature");
        var again = await sandbox.Mirrors.EnsureAsync("octo/repo", sandbox.OriginPath, null, CancellationToken.None);

        Assert.True(again.Succeeded, again.Error);
        Assert.Equal(cache, again.Value);
        Assert.Equal(pushed, await sandbox.GitAsync(cache, "rev-parse", "refs/remotes/origin/main"));
        Assert.Equal(feature, await sandbox.GitAsync(cache, "rev-parse", "refs/remotes/origin/feature"));
    }

    [Fact]
    public async Task Remote_branches_land_in_remote_tracking_refs_and_local_branches_survive_fetch_and_prune()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        await sandbox.PushFilesAsync("gitbot/7", new Dictionary<string, string> { ["x.txt"] = "x\n" }, "integration");
        var cache = await sandbox.MirrorAsync();
        var main = await sandbox.GitAsync(cache, "rev-parse", "refs/remotes/origin/main");
        await sandbox.GitAsync(cache, "update-ref", "refs/heads/gitbot/7/a", main);
        await sandbox.GitAsync(cache, "update-ref", "refs/heads/main", main);

        // The remote deletes the branch and moves main: a mirror refspec would delete or overwrite the local branches.
        await sandbox.GitAsync(sandbox.OriginPath, "update-ref", "-d", "refs/heads/gitbot/7");
        var moved = await sandbox.PushFilesAsync("main", new Dictionary<string, string> { ["y.txt"] = "y\n" }, "moved");
        var result = await sandbox.Mirrors.EnsureAsync("octo/repo", sandbox.OriginPath, null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(main, await sandbox.GitAsync(cache, "rev-parse", "refs/heads/gitbot/7/a"));
        Assert.Equal(main, await sandbox.GitAsync(cache, "rev-parse", "refs/heads/main"));
        Assert.Equal(moved, await sandbox.GitAsync(cache, "rev-parse", "refs/remotes/origin/main"));
        var remoteRefs = await sandbox.GitAsync(cache, "for-each-ref", "--format=%(refname)", "refs/remotes/origin");
        Assert.DoesNotContain("refs/remotes/origin/gitbot/7", remoteRefs.Split('\n'));
        Assert.Equal("+refs/heads/*:refs/remotes/origin/*", await sandbox.GitAsync(cache, "config", "--get-all", "remote.origin.fetch"));
        Assert.Equal(sandbox.OriginPath, await sandbox.GitAsync(cache, "config", "--get", "remote.origin.url"));
    }

    [Fact]
    public async Task Concurrent_calls_for_one_repository_all_succeed_and_share_one_cache()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var calls = Enumerable.Range(0, 6)
            .Select(_ => sandbox.Mirrors.EnsureAsync("Octo/Repo", sandbox.OriginPath, null, CancellationToken.None))
            .ToList();
        var results = await Task.WhenAll(calls);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Single(results.Select(r => r.Value).Distinct());
        var parent = Path.GetDirectoryName(results[0].Value)!;
        Assert.Equal(["repo.git"], Directory.GetDirectories(parent).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_failed_clone_leaves_no_cache_behind_and_invalid_names_are_refused()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var missing = await sandbox.Mirrors.EnsureAsync("octo/missing", Path.Combine(sandbox.Root, "nope.git"), null, CancellationToken.None);
        var badName = await sandbox.Mirrors.EnsureAsync("../etc", sandbox.OriginPath, null, CancellationToken.None);
        var credentialUrl = await sandbox.Mirrors.EnsureAsync("octo/repo", "https://x-access-token:abc@example.com/o/r.git", null, CancellationToken.None);

        Assert.False(missing.Succeeded);
        Assert.Contains("git clone failed", missing.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(sandbox.Mirrors.GetPath("octo/missing")));
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(sandbox.Mirrors.GetPath("octo/missing"))!));
        Assert.False(badName.Succeeded);
        Assert.False(credentialUrl.Succeeded);
    }

    [Fact]
    public async Task A_fetch_that_finds_a_ref_locked_by_a_concurrent_update_is_retried_and_another_failure_is_not()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var cache = await sandbox.MirrorAsync();
        var pushed = await sandbox.PushFilesAsync("main", new Dictionary<string, string> { ["b.txt"] = "b\n" }, "second");

        // A push from this cache holds the remote-tracking ref's lock for a moment, as git does while updating it.
        var lockFile = Path.Combine(cache!, "refs", "remotes", "origin", "main.lock");
        await File.WriteAllTextAsync(lockFile, "");
        var released = Task.Run(async () =>
        {
            await Task.Delay(150);
            File.Delete(lockFile);
        });
        var fetched = await sandbox.Mirrors.EnsureAsync("octo/repo", sandbox.OriginPath, null, CancellationToken.None);
        await released;

        Assert.True(fetched.Succeeded, fetched.Error);
        Assert.Equal(pushed, await sandbox.GitAsync(cache, "rev-parse", "refs/remotes/origin/main"));

        // A lock nobody releases is still a failure after the retries, reported with git's words.
        var again = await sandbox.PushFilesAsync("main", new Dictionary<string, string> { ["c.txt"] = "c\n" }, "third");
        await File.WriteAllTextAsync(lockFile, "");
        var stuck = await sandbox.Mirrors.EnsureAsync("octo/repo", sandbox.OriginPath, null, CancellationToken.None);
        File.Delete(lockFile);
        Assert.False(stuck.Succeeded);
        Assert.Contains("cannot lock ref", stuck.Error, StringComparison.Ordinal);
        Assert.NotEqual(again, await sandbox.GitAsync(cache, "rev-parse", "refs/remotes/origin/main"));
    }
}
