using System.Globalization;
using GitBot.Core.Reviews.TestResults;
using GitBot.Git.Repositories;
using GitBot.Workflows.Tests.Support;

namespace GitBot.Workflows.Tests.Reviews.Testing;

public sealed class TestCommandRunnerSandboxTests
{
    private const string EnvironmentScript = """
        import os
        for name in sorted(os.environ):
            print("ENV " + name)
        print("HOME=" + os.environ.get("HOME", ""))
        print("TMPDIR=" + os.environ.get("TMPDIR", ""))
        print("PROBE=" + os.environ.get("TESTRUN_ALLOWED_PROBE", ""))
        """;

    [Fact]
    public async Task The_command_gets_no_github_token_nor_gitbot_settings_and_a_fresh_home_removed_afterwards()
    {
        using var sandbox = await TestRepoSandbox.CreateAsync();
        var head = await sandbox.PushHeadAsync(new Dictionary<string, string> { ["env.py"] = EnvironmentScript });
        string[] names = ["GITHUB_TOKEN", "GITBOT_TESTRUN_PROBE", "TESTRUN_SECRET_TOKEN", "TESTRUN_ALLOWED_PROBE"];
        foreach (var name in names)
        {
            Environment.SetEnvironmentVariable(name, "value-of-" + name);
        }

        TestRunOutcome outcome;
        try
        {
            // The repository asks for all of them; only the harmless one may pass.
            outcome = await sandbox.Runner.RunAsync(sandbox.Request(head, ["python3", "env.py"], passEnvironment: names), CancellationToken.None);
        }
        finally
        {
            foreach (var name in names)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }

        Assert.Equal(TestRunStatus.Completed, outcome.Status);
        var lines = outcome.OutputTail.Split('\n');
        var seen = lines.Where(l => l.StartsWith("ENV ", StringComparison.Ordinal)).Select(l => l[4..]).ToList();
        Assert.Contains("PATH", seen);
        Assert.Contains("CI", seen);
        Assert.Contains("TESTRUN_ALLOWED_PROBE", seen);
        Assert.Contains("PROBE=value-of-TESTRUN_ALLOWED_PROBE", lines);
        Assert.DoesNotContain("GITHUB_TOKEN", seen);
        Assert.DoesNotContain("TESTRUN_SECRET_TOKEN", seen);
        Assert.DoesNotContain(seen, n => n.StartsWith("GITBOT_", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(seen, n => n.StartsWith("PG", StringComparison.Ordinal));

        var home = lines.Single(l => l.StartsWith("HOME=", StringComparison.Ordinal))[5..];
        var temp = lines.Single(l => l.StartsWith("TMPDIR=", StringComparison.Ordinal))[7..];
        Assert.StartsWith(sandbox.RunOptions.SandboxRoot + Path.DirectorySeparatorChar, home, StringComparison.Ordinal);
        Assert.StartsWith(sandbox.RunOptions.SandboxRoot + Path.DirectorySeparatorChar, temp, StringComparison.Ordinal);
        Assert.NotEqual(Environment.GetEnvironmentVariable("HOME"), home);
        Assert.False(Directory.Exists(home));
        Assert.Empty(sandbox.LeftoverRunDirectories());
    }

    [Fact]
    public async Task A_fork_head_is_checked_out_exactly_and_its_worktree_and_branch_are_given_back()
    {
        using var sandbox = await TestRepoSandbox.CreateAsync();
        await sandbox.PushHeadAsync(new Dictionary<string, string> { ["branch.txt"] = "on a branch\n" });
        var fork = await sandbox.PushForkHeadAsync(12, new Dictionary<string, string>
        {
            ["head.py"] = "import subprocess\nprint('HEAD=' + subprocess.run(['git', 'rev-parse', 'HEAD'], capture_output=True, text=True).stdout.strip())\n",
        });

        var outcome = await sandbox.Runner.RunAsync(sandbox.Request(fork, ["python3", "head.py"], pullNumber: 12), CancellationToken.None);

        Assert.Equal(TestRunStatus.Completed, outcome.Status);
        Assert.Contains("HEAD=" + fork, outcome.OutputTail.Split('\n'));
        Assert.Equal(fork, await sandbox.GitAsync(sandbox.CachePath, "rev-parse", PullHeadFetcher.LocalRef(12)));
        Assert.Equal(string.Empty, await sandbox.GitAsync(sandbox.CachePath, "for-each-ref", "--format=%(refname)", "refs/heads/gitbot-tests"));

        // The worktree went back to the pool (detached, clean), so the next run reuses it.
        var worktrees = await sandbox.GitAsync(sandbox.CachePath, "worktree", "list", "--porcelain");
        Assert.DoesNotContain("branch refs/heads/gitbot-tests", worktrees, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_past_its_timeout_is_reported_timed_out_and_its_process_tree_is_killed()
    {
        using var sandbox = await TestRepoSandbox.CreateAsync();
        var head = await sandbox.PushHeadAsync(new Dictionary<string, string>
        {
            ["hang.py"] = """
                import os, subprocess, time
                child = subprocess.Popen(["sleep", "300"])
                print(f"PIDS {os.getpid()} {child.pid}", flush=True)
                time.sleep(300)
                """,
        });

        var outcome = await sandbox.Runner.RunAsync(sandbox.Request(head, ["python3", "hang.py"], TimeSpan.FromSeconds(3)), CancellationToken.None);

        Assert.Equal(TestRunStatus.TimedOut, outcome.Status);
        Assert.Null(outcome.ExitCode);
        Assert.Contains("timed out", outcome.Error, StringComparison.Ordinal);
        var pids = outcome.OutputTail.Split('\n').Single(l => l.StartsWith("PIDS ", StringComparison.Ordinal)).Split(' ')[1..]
            .Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, pids.Count);
        foreach (var pid in pids)
        {
            await Eventually.TrueAsync(() => !IsAlive(pid), $"process {pid} to be gone", TimeSpan.FromSeconds(20));
        }

        Assert.Empty(sandbox.LeftoverRunDirectories());
    }

    [Fact]
    public async Task Cancellation_by_the_caller_kills_the_command_and_throws()
    {
        using var sandbox = await TestRepoSandbox.CreateAsync();
        var head = await sandbox.PushHeadAsync(new Dictionary<string, string>
        {
            ["hang.py"] = "import os, time\nopen(os.path.join(os.environ['TMPDIR'], 'started'), 'w').close()\ntime.sleep(300)\n",
        });
        using var cancel = new CancellationTokenSource();

        var run = sandbox.Runner.RunAsync(sandbox.Request(head, ["python3", "hang.py"], TimeSpan.FromMinutes(10)), cancel.Token);
        await Eventually.TrueAsync(
            () => sandbox.LeftoverRunDirectories().Any(d => File.Exists(Path.Combine(d, "tmp", "started"))),
            "the command to start");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Empty(sandbox.LeftoverRunDirectories());
        Assert.Equal(string.Empty, await sandbox.GitAsync(sandbox.CachePath, "for-each-ref", "--format=%(refname)", "refs/heads/gitbot-tests"));
    }

    /// <summary>Alive unless its /proc entry is gone or it is a zombie (killed, waiting to be reaped by whoever adopted it).</summary>
    private static bool IsAlive(int pid)
    {
        var stat = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat";
        try
        {
            var text = File.ReadAllText(stat);
            var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is not ("Z" or "X");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
