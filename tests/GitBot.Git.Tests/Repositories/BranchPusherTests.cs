using GitBot.Git.Repositories;

namespace GitBot.Git.Tests.Repositories;

public sealed class BranchPusherTests
{
    [Fact]
    public async Task Pushes_a_new_branch_then_reports_up_to_date_and_records_the_remote_tip_locally()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var (worktree, sha) = await CommitSomethingAsync(sandbox, "gitbot/9/1");
        var pusher = new BranchPusher(sandbox.Cli);

        var first = await pusher.PushAsync(worktree.CachePath, "gitbot/9/1", "gitbot/9/1", "main", "gitbot/", null, CancellationToken.None);
        var second = await pusher.PushAsync(worktree.CachePath, sha, "refs/heads/gitbot/9/1", "main", "gitbot/", null, CancellationToken.None);

        Assert.True(first.Succeeded, first.Error);
        Assert.Equal(PushStatus.Pushed, first.Value);
        Assert.True(second.Succeeded, second.Error);
        Assert.Equal(PushStatus.UpToDate, second.Value);
        Assert.Equal(sha, await sandbox.OriginRefAsync("refs/heads/gitbot/9/1"));
        Assert.Equal(sha, await sandbox.GitAsync(worktree.CachePath, "rev-parse", "refs/remotes/origin/gitbot/9/1"));
    }

    [Fact]
    public async Task A_remote_branch_that_moved_is_never_overwritten_the_push_is_rejected()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        await sandbox.PushFilesAsync("gitbot/9", new Dictionary<string, string> { ["i.txt"] = "1\n" }, "integration");
        var cache = await sandbox.MirrorAsync();
        var created = await sandbox.Worktrees.CreateAsync(cache, "gitbot/9/2", "refs/remotes/origin/gitbot/9", CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(created.Value!.Path, "mine.txt"), "mine\n");
        var mine = (await new WorkspaceCommitter(sandbox.Cli).CommitAllAsync(
            created.Value, new CommitRequest("mine", new Dictionary<string, string>(), false), CancellationToken.None)).Value!.Sha!;
        var theirs = await sandbox.PushFilesAsync("gitbot/9", new Dictionary<string, string> { ["theirs.txt"] = "theirs\n" }, "someone else");

        var result = await new BranchPusher(sandbox.Cli).PushAsync(cache, mine, "gitbot/9", "main", "gitbot/", null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(PushStatus.Rejected, result.Value);
        Assert.Equal(theirs, await sandbox.OriginRefAsync("refs/heads/gitbot/9"));
        Assert.NotEqual(mine, await sandbox.GitAsync(cache, "rev-parse", "refs/remotes/origin/gitbot/9"));
    }

    [Theory]
    [InlineData("main")]
    [InlineData("refs/heads/main")]
    [InlineData("feature/x")]
    [InlineData("gitbot/")]
    [InlineData("+gitbot/1")]
    [InlineData("gitbot/1:main")]
    public async Task Pushing_to_the_default_branch_or_outside_the_prefix_is_refused(string remoteBranch)
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var (worktree, sha) = await CommitSomethingAsync(sandbox, "gitbot/9/3");
        var mainBefore = await sandbox.OriginRefAsync("refs/heads/main");

        var asPrefixed = await new BranchPusher(sandbox.Cli).PushAsync(
            worktree.CachePath, sha, remoteBranch, "main", "gitbot/", null, CancellationToken.None);
        var mainAsPrefix = await new BranchPusher(sandbox.Cli).PushAsync(
            worktree.CachePath, sha, "main", "main", string.Empty, null, CancellationToken.None);

        Assert.False(asPrefixed.Succeeded);
        Assert.False(mainAsPrefix.Succeeded);
        Assert.Contains("refusing", mainAsPrefix.Error, StringComparison.Ordinal);
        Assert.Equal(mainBefore, await sandbox.OriginRefAsync("refs/heads/main"));
        Assert.Null(await sandbox.OriginRefAsync("refs/heads/feature/x"));
    }

    [Fact]
    public async Task A_push_the_remote_declines_for_another_reason_is_an_error_not_a_rejection()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var (worktree, sha) = await CommitSomethingAsync(sandbox, "gitbot/9/4");
        var hook = Path.Combine(sandbox.OriginPath, "hooks", "pre-receive");
        await GitSandbox.WriteExecutableAsync(hook, "#!/bin/sh\necho protected by policy >&2\nexit 1\n");

        var result = await new BranchPusher(sandbox.Cli).PushAsync(
            worktree.CachePath, sha, "gitbot/9/4", "main", "gitbot/", null, CancellationToken.None);

        // The remote's hooks run on its side of the connection; GitBot's hook switch applies only to its own processes.
        Assert.False(result.Succeeded);
        Assert.Contains("failed", result.Error, StringComparison.Ordinal);
    }

    internal static async Task<(Worktree Worktree, string Sha)> CommitSomethingAsync(GitSandbox sandbox, string branch)
    {
        var worktree = await WorkspaceCommitterTests.CreateWorktreeAsync(sandbox, branch);
        await File.WriteAllTextAsync(Path.Combine(worktree.Path, branch.Replace('/', '-') + ".txt"), branch + "\n");
        var result = await new WorkspaceCommitter(sandbox.Cli).CommitAllAsync(
            worktree, new CommitRequest("work on " + branch, new Dictionary<string, string>(), false), CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
        return (worktree, result.Value!.Sha!);
    }
}
