using GitBot.Git.Repositories;

namespace GitBot.Git.Tests.Repositories;

public sealed class WorktreeManagerTests
{
    [Fact]
    public async Task Four_worktrees_created_concurrently_on_one_repository_all_succeed()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var cache = await sandbox.MirrorAsync();
        var main = await sandbox.GitAsync(cache, "rev-parse", "refs/remotes/origin/main");

        var results = await Task.WhenAll(Enumerable.Range(1, 4).Select(i =>
            sandbox.Worktrees.CreateAsync(cache, $"gitbot/1/{i}", "refs/remotes/origin/main", CancellationToken.None)));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(4, results.Select(r => r.Value!.Path).Distinct().Count());
        foreach (var (result, i) in results.Select((r, i) => (r, i + 1)))
        {
            var worktree = result.Value!;
            Assert.Equal($"gitbot/1/{i}", worktree.Branch);
            Assert.StartsWith(Path.Combine(sandbox.Options.WorkRoot, "worktrees"), worktree.Path, StringComparison.Ordinal);
            Assert.Equal("hello\n", await File.ReadAllTextAsync(Path.Combine(worktree.Path, "README.md")));
            Assert.Equal($"refs/heads/gitbot/1/{i}", await sandbox.GitAsync(worktree.Path, "symbolic-ref", "HEAD"));
            Assert.Equal(main, await sandbox.GitAsync(worktree.Path, "rev-parse", "HEAD"));
            Assert.Equal(string.Empty, await sandbox.GitAsync(worktree.Path, "status", "--porcelain"));
        }

        // Branching from a remote-tracking ref wrote no upstream settings into the shared config.
        var config = await File.ReadAllTextAsync(Path.Combine(cache, "config"));
        Assert.DoesNotContain("[branch", config, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pooled_worktree_moves_to_the_next_branch_writing_only_changed_files()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var changed = await sandbox.PushFilesAsync("gitbot/2", new Dictionary<string, string> { ["src/a.txt"] = "a2\n" }, "change a");
        var cache = await sandbox.MirrorAsync();
        var first = (await sandbox.Worktrees.CreateAsync(cache, "gitbot/2/1", "refs/remotes/origin/main", CancellationToken.None)).Value!;
        var readme = Path.Combine(first.Path, "README.md");
        var readmeInode = await InodeAsync(readme);
        var readmeWritten = File.GetLastWriteTimeUtc(readme);
        await File.WriteAllTextAsync(Path.Combine(first.Path, "leftover.txt"), "junk");
        await File.WriteAllTextAsync(Path.Combine(first.Path, "src/a.txt"), "uncommitted edit\n");
        await Task.Delay(50);

        await sandbox.Worktrees.RemoveAsync(first, CancellationToken.None);
        var second = await sandbox.Worktrees.CreateAsync(cache, "gitbot/2/2", "refs/remotes/origin/gitbot/2", CancellationToken.None);

        Assert.True(second.Succeeded, second.Error);
        Assert.Equal(first.Path, second.Value!.Path);
        Assert.Equal(changed, await sandbox.GitAsync(second.Value.Path, "rev-parse", "HEAD"));
        Assert.Equal("a2\n", await File.ReadAllTextAsync(Path.Combine(second.Value.Path, "src/a.txt")));
        Assert.False(File.Exists(Path.Combine(second.Value.Path, "leftover.txt")));
        Assert.Equal(readmeInode, await InodeAsync(readme));
        Assert.Equal(readmeWritten, File.GetLastWriteTimeUtc(readme));
        Assert.Equal(string.Empty, await sandbox.GitAsync(second.Value.Path, "status", "--porcelain", "--ignored"));

        // The first task's branch was released: it can be checked out again while the pooled worktree is in use.
        var again = await sandbox.Worktrees.CreateAsync(cache, "gitbot/2/1", "refs/remotes/origin/main", CancellationToken.None);
        Assert.True(again.Succeeded, again.Error);
        Assert.NotEqual(first.Path, again.Value!.Path);
    }

    [Fact]
    public async Task An_existing_branch_is_reset_to_the_start_point_and_a_full_pool_deletes_the_worktree()
    {
        using var sandbox = await GitSandbox.CreateAsync(o => o.WorktreePoolSize = 0);
        var cache = await sandbox.MirrorAsync();
        var main = await sandbox.GitAsync(cache, "rev-parse", "refs/remotes/origin/main");
        var first = (await sandbox.Worktrees.CreateAsync(cache, "gitbot/3/1", main, CancellationToken.None)).Value!;
        await File.WriteAllTextAsync(Path.Combine(first.Path, "new.txt"), "new\n");
        await sandbox.GitAsync(first.Path, "add", "new.txt");
        await sandbox.GitAsync(first.Path, "commit", "--quiet", "-m", "work");

        await sandbox.Worktrees.RemoveAsync(first, CancellationToken.None);
        Assert.False(Directory.Exists(first.Path));
        Assert.DoesNotContain(first.Path, await sandbox.GitAsync(cache, "worktree", "list", "--porcelain"), StringComparison.Ordinal);

        var second = await sandbox.Worktrees.CreateAsync(cache, "gitbot/3/1", main, CancellationToken.None);
        Assert.True(second.Succeeded, second.Error);
        Assert.Equal(main, await sandbox.GitAsync(second.Value!.Path, "rev-parse", "HEAD"));
        Assert.False(File.Exists(Path.Combine(second.Value.Path, "new.txt")));
    }

    [Fact]
    public async Task Clean_stale_removes_every_worktree_directory_and_prunes_the_caches()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var cache = await sandbox.MirrorAsync();
        var a = (await sandbox.Worktrees.CreateAsync(cache, "gitbot/4/1", "refs/remotes/origin/main", CancellationToken.None)).Value!;
        var b = (await sandbox.Worktrees.CreateAsync(cache, "gitbot/4/2", "refs/remotes/origin/main", CancellationToken.None)).Value!;

        // A new process starts: its manager knows nothing of the worktrees the old one left.
        var restarted = new WorktreeManager(sandbox.Cli, Microsoft.Extensions.Options.Options.Create(sandbox.Options), TimeProvider.System);
        var removed = await restarted.CleanStaleAsync(CancellationToken.None);

        Assert.Equal(2, removed);
        Assert.False(Directory.Exists(a.Path));
        Assert.False(Directory.Exists(b.Path));
        var list = await sandbox.GitAsync(cache, "worktree", "list", "--porcelain");
        Assert.DoesNotContain("gitbot/4/", list, StringComparison.Ordinal);
        var again = await restarted.CreateAsync(cache, "gitbot/4/1", "refs/remotes/origin/main", CancellationToken.None);
        Assert.True(again.Succeeded, again.Error);
    }

    [Fact]
    public async Task Invalid_branch_names_and_unknown_start_points_are_refused()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var cache = await sandbox.MirrorAsync();

        var option = await sandbox.Worktrees.CreateAsync(cache, "--force", "refs/remotes/origin/main", CancellationToken.None);
        var dots = await sandbox.Worktrees.CreateAsync(cache, "a..b", "refs/remotes/origin/main", CancellationToken.None);
        var unknown = await sandbox.Worktrees.CreateAsync(cache, "gitbot/5/1", "refs/remotes/origin/nope", CancellationToken.None);

        Assert.False(option.Succeeded);
        Assert.False(dots.Succeeded);
        Assert.False(unknown.Succeeded);
        Assert.Contains("names no commit", unknown.Error, StringComparison.Ordinal);
    }

    private static async Task<string> InodeAsync(string path)
    {
        var result = await new GitBot.Git.Processes.ProcessRunner(TimeProvider.System).RunAsync(
            new GitBot.Git.Processes.ProcessSpec("stat", ["-c", "%i", path]), CancellationToken.None);
        Assert.True(result.Succeeded, result.StandardError);
        return result.StandardOutput.Trim();
    }
}
