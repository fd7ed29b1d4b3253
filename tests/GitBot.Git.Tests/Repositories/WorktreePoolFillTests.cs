namespace GitBot.Git.Tests.Repositories;

/// <summary>Filling a repository's worktree pool ahead of demand, so tasks move a ready worktree instead of checking one out.</summary>
public sealed class WorktreePoolFillTests
{
    [Fact]
    public async Task Pool_is_filled_to_the_size_counting_worktrees_in_use_and_tasks_take_pooled_ones()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var cache = await sandbox.MirrorAsync();
        var busy = (await sandbox.Worktrees.CreateAsync(cache, "gitbot/5-tasks/1", "refs/remotes/origin/main", CancellationToken.None)).Value!;

        var added = await sandbox.Worktrees.FillPoolAsync(cache, "refs/remotes/origin/main", 3, CancellationToken.None);
        var again = await sandbox.Worktrees.FillPoolAsync(cache, "refs/remotes/origin/main", 3, CancellationToken.None);

        Assert.Equal(2, added); // one of the three is in use
        Assert.Equal(0, again);
        var directories = Directory.GetDirectories(Path.GetDirectoryName(busy.Path)!);
        Assert.Equal(3, directories.Length);
        var taken = await Task.WhenAll(Enumerable.Range(2, 2).Select(i =>
            sandbox.Worktrees.CreateAsync(cache, $"gitbot/5-tasks/{i}", "refs/remotes/origin/main", CancellationToken.None)));
        Assert.All(taken, t => Assert.True(t.Succeeded, t.Error));
        Assert.Equal(directories.Order(), new[] { busy.Path }.Concat(taken.Select(t => t.Value!.Path)).Order());
        foreach (var worktree in taken.Select(t => t.Value!))
        {
            Assert.Equal("hello\n", await File.ReadAllTextAsync(Path.Combine(worktree.Path, "README.md")));
            Assert.Equal(string.Empty, await sandbox.GitAsync(worktree.Path, "status", "--porcelain"));
        }
    }
}
