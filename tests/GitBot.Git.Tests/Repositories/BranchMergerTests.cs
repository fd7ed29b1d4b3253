using GitBot.Git.Repositories;

namespace GitBot.Git.Tests.Repositories;

public sealed class BranchMergerTests
{
    [Fact]
    public async Task A_clean_merge_makes_a_two_parent_commit_with_both_changes_and_moves_no_ref()
    {
        using var sandbox = await GitSandbox.CreateAsync(o => o.CommitterName = "merge-bot");
        var main = await sandbox.OriginRefAsync("refs/heads/main");
        var target = await sandbox.PushFilesAsync("gitbot/5", new Dictionary<string, string> { ["t.txt"] = "t\n" }, "target", from: main);
        var source = await sandbox.PushFilesAsync("tasks/5/1", new Dictionary<string, string> { ["s.txt"] = "s\n" }, "source", from: main);
        var cache = await sandbox.MirrorAsync();
        var refsBefore = await sandbox.GitAsync(cache, "for-each-ref");

        var result = await new BranchMerger(sandbox.Cli).MergeAsync(
            cache, "refs/remotes/origin/gitbot/5", "refs/remotes/origin/tasks/5/1", "Merge task 1", CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(MergeStatus.Merged, result.Value!.Status);
        var sha = result.Value.Sha!;
        Assert.Equal($"{target} {source}", await sandbox.GitAsync(cache, "log", "-1", "--format=%P", sha));
        Assert.Equal("merge-bot|Merge task 1", await sandbox.GitAsync(cache, "log", "-1", "--format=%an|%s", sha));
        var files = await sandbox.GitAsync(cache, "ls-tree", "-r", "--name-only", sha);
        Assert.Contains("t.txt", files.Split('\n'));
        Assert.Contains("s.txt", files.Split('\n'));
        Assert.Equal(refsBefore, await sandbox.GitAsync(cache, "for-each-ref"));
    }

    [Fact]
    public async Task Source_already_in_target_is_up_to_date_and_target_behind_source_fast_forwards()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var main = await sandbox.OriginRefAsync("refs/heads/main");
        var ahead = await sandbox.PushFilesAsync("gitbot/6", new Dictionary<string, string> { ["t.txt"] = "t\n" }, "ahead", from: main);
        var cache = await sandbox.MirrorAsync();
        var merger = new BranchMerger(sandbox.Cli);

        var upToDate = await merger.MergeAsync(cache, "refs/remotes/origin/gitbot/6", "refs/remotes/origin/main", "m", CancellationToken.None);
        var same = await merger.MergeAsync(cache, ahead, ahead, "m", CancellationToken.None);
        var fastForward = await merger.MergeAsync(cache, main!, "refs/remotes/origin/gitbot/6", "m", CancellationToken.None);

        Assert.Equal(new MergeStatus?(MergeStatus.AlreadyUpToDate), upToDate.Value?.Status);
        Assert.Equal(ahead, upToDate.Value!.Sha);
        Assert.Equal(new MergeStatus?(MergeStatus.AlreadyUpToDate), same.Value?.Status);
        Assert.Equal(new MergeStatus?(MergeStatus.Merged), fastForward.Value?.Status);
        Assert.Equal(ahead, fastForward.Value!.Sha);
    }

    [Fact]
    public async Task A_conflict_lists_the_files_and_creates_nothing()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var main = await sandbox.OriginRefAsync("refs/heads/main");
        await sandbox.PushFilesAsync(
            "gitbot/7", new Dictionary<string, string> { ["README.md"] = "theirs\n", ["src/a.txt"] = "t\n", ["only-t.txt"] = "t\n" }, "target", from: main);
        await sandbox.PushFilesAsync(
            "tasks/7/1", new Dictionary<string, string> { ["README.md"] = "ours\n", ["src/a.txt"] = "s\n", ["only-s.txt"] = "s\n" }, "source", from: main);
        var cache = await sandbox.MirrorAsync();
        var refsBefore = await sandbox.GitAsync(cache, "for-each-ref");

        var result = await new BranchMerger(sandbox.Cli).MergeAsync(
            cache, "refs/remotes/origin/gitbot/7", "refs/remotes/origin/tasks/7/1", "m", CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(MergeStatus.Conflict, result.Value!.Status);
        Assert.Null(result.Value.Sha);
        Assert.Equal(["README.md", "src/a.txt"], result.Value.ConflictingFiles.Order(StringComparer.Ordinal));
        Assert.Equal(refsBefore, await sandbox.GitAsync(cache, "for-each-ref"));
        Assert.DoesNotContain("commit", await sandbox.GitAsync(cache, "fsck", "--unreachable", "--no-reflogs"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_references_are_an_error()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var cache = await sandbox.MirrorAsync();

        var result = await new BranchMerger(sandbox.Cli).MergeAsync(cache, "refs/remotes/origin/main", "nope", "m", CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("'nope' names no commit", result.Error, StringComparison.Ordinal);
    }
}
