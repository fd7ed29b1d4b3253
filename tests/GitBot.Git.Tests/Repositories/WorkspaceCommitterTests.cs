using GitBot.Git.Repositories;

namespace GitBot.Git.Tests.Repositories;

public sealed class WorkspaceCommitterTests
{
    private static readonly Dictionary<string, string> Trailers = new()
    {
        ["GitBot-Task"] = "12/3",
        ["GitBot-Agent"] = "backend",
    };

    [Fact]
    public async Task Commits_everything_with_the_bot_identity_and_trailers()
    {
        using var sandbox = await GitSandbox.CreateAsync(o =>
        {
            o.CommitterName = "test-bot[bot]";
            o.CommitterEmail = "test-bot@example.invalid";
        });
        var worktree = await CreateWorktreeAsync(sandbox, "gitbot/12/3");
        await File.WriteAllTextAsync(Path.Combine(worktree.Path, "new.txt"), "new\n");
        await File.WriteAllTextAsync(Path.Combine(worktree.Path, "README.md"), "changed\n");
        File.Delete(Path.Combine(worktree.Path, "src/a.txt"));
        var hook = Path.Combine(worktree.CachePath, "hooks", "pre-commit");
        await GitSandbox.WriteExecutableAsync(hook, "#!/bin/sh\nexit 1\n");

        var result = await new WorkspaceCommitter(sandbox.Cli).CommitAllAsync(
            worktree, new CommitRequest("Add new.txt\n\n#12: details", Trailers, AllowWorkflowChanges: false), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var outcome = result.Value!;
        Assert.NotNull(outcome.Sha);
        Assert.Empty(outcome.RefusedFiles);
        Assert.Equal(["README.md", "new.txt", "src/a.txt"], outcome.Files.Order(StringComparer.Ordinal));
        Assert.Equal(outcome.Sha, await sandbox.GitAsync(worktree.Path, "rev-parse", "refs/heads/gitbot/12/3"));
        Assert.Equal("test-bot[bot]|test-bot@example.invalid|test-bot[bot]|test-bot@example.invalid",
            await sandbox.GitAsync(worktree.Path, "log", "-1", "--format=%an|%ae|%cn|%ce"));
        var message = await sandbox.GitAsync(worktree.Path, "log", "-1", "--format=%B");
        Assert.Contains("#12: details", message, StringComparison.Ordinal);
        Assert.Equal("12/3", await sandbox.GitAsync(worktree.Path, "log", "-1", "--format=%(trailers:key=GitBot-Task,valueonly)"));
        Assert.Equal("backend", await sandbox.GitAsync(worktree.Path, "log", "-1", "--format=%(trailers:key=GitBot-Agent,valueonly)"));
        Assert.Equal(string.Empty, await sandbox.GitAsync(worktree.Path, "status", "--porcelain"));

        var inspector = new BranchInspector(sandbox.Cli);
        Assert.Equal(outcome.Sha, await inspector.FindCommitWithTrailerAsync(worktree.CachePath, "gitbot/12/3", "gitbot-task", "12/3", CancellationToken.None));
        Assert.Null(await inspector.FindCommitWithTrailerAsync(worktree.CachePath, "gitbot/12/3", "GitBot-Task", "12/4", CancellationToken.None));
    }

    [Fact]
    public async Task Nothing_to_commit_gives_no_sha()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var worktree = await CreateWorktreeAsync(sandbox, "gitbot/1/1");

        var result = await new WorkspaceCommitter(sandbox.Cli).CommitAllAsync(
            worktree, new CommitRequest("nothing", Trailers, false), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Null(result.Value!.Sha);
        Assert.Empty(result.Value.Files);
    }

    [Fact]
    public async Task Workflow_changes_are_refused_unless_allowed_even_when_the_agent_committed_them_itself()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var worktree = await CreateWorktreeAsync(sandbox, "gitbot/1/2");
        var before = await sandbox.GitAsync(worktree.Path, "rev-parse", "HEAD");
        Directory.CreateDirectory(Path.Combine(worktree.Path, ".github/workflows"));
        await File.WriteAllTextAsync(Path.Combine(worktree.Path, ".github/workflows/ci.yml"), "on: push\n");
        await sandbox.GitAsync(worktree.Path, "add", "--all");
        await sandbox.GitAsync(worktree.Path, "commit", "--quiet", "-m", "agent's own commit");
        var agentCommit = await sandbox.GitAsync(worktree.Path, "rev-parse", "HEAD");
        await File.WriteAllTextAsync(Path.Combine(worktree.Path, "ok.txt"), "fine\n");
        var committer = new WorkspaceCommitter(sandbox.Cli);

        var refused = await committer.CommitAllAsync(worktree, new CommitRequest("ci", Trailers, false), CancellationToken.None);

        Assert.True(refused.Succeeded, refused.Error);
        Assert.Null(refused.Value!.Sha);
        Assert.Equal([".github/workflows/ci.yml"], refused.Value.RefusedFiles);
        Assert.Equal(agentCommit, await sandbox.GitAsync(worktree.Path, "rev-parse", "HEAD"));
        Assert.NotEqual(before, agentCommit);

        var allowed = await committer.CommitAllAsync(worktree, new CommitRequest("ci", Trailers, true), CancellationToken.None);
        Assert.True(allowed.Succeeded, allowed.Error);
        Assert.Empty(allowed.Value!.RefusedFiles);
        Assert.NotNull(allowed.Value.Sha);
        Assert.Equal(before, await sandbox.GitAsync(worktree.Path, "rev-parse", allowed.Value.Sha + "~2"));
    }

    [Fact]
    public async Task Files_with_conflict_markers_are_refused_and_nothing_is_committed()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var worktree = await CreateWorktreeAsync(sandbox, "gitbot/1/3");
        var before = await sandbox.GitAsync(worktree.Path, "rev-parse", "HEAD");
        await File.WriteAllTextAsync(Path.Combine(worktree.Path, "src/a.txt"), "<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> other\n");
        await File.WriteAllTextAsync(Path.Combine(worktree.Path, "clean.txt"), "a line with <<<<<<< in the middle\n");

        var result = await new WorkspaceCommitter(sandbox.Cli).CommitAllAsync(
            worktree, new CommitRequest("markers", Trailers, false), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Null(result.Value!.Sha);
        Assert.Equal(["src/a.txt"], result.Value.RefusedFiles);
        Assert.Equal(before, await sandbox.GitAsync(worktree.Path, "rev-parse", "HEAD"));
        Assert.Equal(string.Empty, await sandbox.GitAsync(worktree.Path, "diff", "--cached", "--name-only"));
    }

    [Fact]
    public async Task A_trailer_that_could_inject_lines_is_refused()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var worktree = await CreateWorktreeAsync(sandbox, "gitbot/1/4");
        await File.WriteAllTextAsync(Path.Combine(worktree.Path, "x.txt"), "x\n");

        var result = await new WorkspaceCommitter(sandbox.Cli).CommitAllAsync(
            worktree,
            new CommitRequest("m", new Dictionary<string, string> { ["GitBot-Task"] = "1\nSigned-off-by: someone" }, false),
            CancellationToken.None);

        Assert.False(result.Succeeded);
    }

    internal static async Task<Worktree> CreateWorktreeAsync(GitSandbox sandbox, string branch)
    {
        var cache = await sandbox.MirrorAsync();
        var created = await sandbox.Worktrees.CreateAsync(cache, branch, "refs/remotes/origin/main", CancellationToken.None);
        Assert.True(created.Succeeded, created.Error);
        return created.Value!;
    }
}
