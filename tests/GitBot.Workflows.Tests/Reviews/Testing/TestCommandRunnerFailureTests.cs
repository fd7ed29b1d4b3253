using GitBot.Core.Reviews.TestResults;

namespace GitBot.Workflows.Tests.Reviews.Testing;

public sealed class TestCommandRunnerFailureTests
{
    [Fact]
    public async Task No_command_is_not_configured_and_touches_no_repository()
    {
        using var sandbox = await TestRepoSandbox.CreateAsync();
        var head = await sandbox.GitAsync(sandbox.OriginPath, "rev-parse", "main");

        var outcome = await sandbox.Runner.RunAsync(sandbox.Request(head, []), CancellationToken.None);

        Assert.Equal(TestRunStatus.NotConfigured, outcome.Status);
        Assert.Null(outcome.Summary);
        Assert.Null(outcome.ExitCode);
        Assert.Equal("the repository has no test command", outcome.Error);
        Assert.False(Directory.Exists(Path.Combine(sandbox.Git.WorkRoot, "mirrors")));
    }

    [Fact]
    public async Task An_unknown_head_sha_fails_to_start_naming_the_sha()
    {
        using var sandbox = await TestRepoSandbox.CreateAsync();
        var unknown = new string('d', 40);

        var outcome = await sandbox.Runner.RunAsync(sandbox.Request(unknown, ["python3", "-c", "print(1)"]), CancellationToken.None);

        Assert.Equal(TestRunStatus.FailedToStart, outcome.Status);
        Assert.Contains("the head of pull request #5 is not available", outcome.Error, StringComparison.Ordinal);
        Assert.Contains(unknown, outcome.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(sandbox.Git.WorkRoot, "worktrees")));
    }

    [Fact]
    public async Task A_missing_executable_fails_to_start_and_gives_everything_back()
    {
        using var sandbox = await TestRepoSandbox.CreateAsync();
        var head = await sandbox.PushHeadAsync(new Dictionary<string, string> { ["a.txt"] = "a\n" });

        var outcome = await sandbox.Runner.RunAsync(sandbox.Request(head, ["gitbot-no-such-test-runner", "--all"]), CancellationToken.None);

        Assert.Equal(TestRunStatus.FailedToStart, outcome.Status);
        Assert.Contains("gitbot-no-such-test-runner", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(sandbox.LeftoverRunDirectories());
        Assert.Equal(string.Empty, await sandbox.GitAsync(sandbox.CachePath, "for-each-ref", "--format=%(refname)", "refs/heads/gitbot-tests"));
    }

    [Fact]
    public async Task A_relative_executable_resolves_in_the_worktree_and_may_not_leave_it()
    {
        using var sandbox = await TestRepoSandbox.CreateAsync();
        var head = await sandbox.PushHeadAsync(new Dictionary<string, string> { ["scripts/ok.sh"] = "#!/bin/sh\necho 'Tests: 4 passed, 4 total'\n" });

        var inside = await sandbox.Runner.RunAsync(sandbox.Request(head, ["scripts/ok.sh"]), CancellationToken.None);
        var outside = await sandbox.Runner.RunAsync(sandbox.Request(head, ["../../../bin/sh", "-c", "true"]), CancellationToken.None);

        Assert.Equal(TestRunStatus.Completed, inside.Status);
        Assert.Equal(4, inside.Summary?.Passed);
        Assert.Equal(TestRunStatus.FailedToStart, outside.Status);
        Assert.Contains("outside the repository's worktree", outside.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timeout_that_is_not_positive_fails_to_start()
    {
        using var sandbox = await TestRepoSandbox.CreateAsync();
        var head = await sandbox.GitAsync(sandbox.OriginPath, "rev-parse", "main");

        var outcome = await sandbox.Runner.RunAsync(sandbox.Request(head, ["true"], TimeSpan.Zero), CancellationToken.None);

        Assert.Equal(TestRunStatus.FailedToStart, outcome.Status);
        Assert.Contains("timeout must be positive", outcome.Error, StringComparison.Ordinal);
    }
}
