using GitBot.Core.Plans;

namespace GitBot.Server.Tests.Plans;

/// <summary>No secret of GitBot's own configuration reaches an agent's environment, arguments, logs or git config.</summary>
public sealed class AgentSecretsTests
{
    [Fact]
    public async Task Agent_environment_arguments_logs_and_git_config_hold_no_gitbot_secret()
    {
        var pgPassword = "pg-secret-" + Guid.NewGuid().ToString("N");
        var previous = Environment.GetEnvironmentVariable("PGPASSWORD");

        // The dev database trusts any password, so a process-wide PGPASSWORD is harmless to other tests.
        Environment.SetEnvironmentVariable("PGPASSWORD", pgPassword);
        try
        {
            await using var flow = await FlowHarness.StartAsync(FailureFlow.NoModel(), FailureFlow.CommandConfig(
                "echo ENV-BEGIN; env; echo ARGS-BEGIN; tr '\\0' ' ' < /proc/$$/cmdline; echo; tr '\\0' ' ' < /proc/$PPID/cmdline; echo; git config --list --show-origin; git remote -v; echo done > out.txt",
                "max_retries: 0"));

            var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Dump", "- [ ] Dump the environment", "alice", ["agent"], CancellationToken.None);
            var done = await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished, TimeSpan.FromSeconds(50));
            var task = Assert.Single(done.Tasks);
            Assert.True(task.State == TaskState.Succeeded, FlowHarness.Describe(done));
            Assert.True(flow.GitHub.TokensIssued > 0, "the server never asked for an installation token");

            var log = await File.ReadAllTextAsync(Assert.IsType<string>(task.LogPath));
            Assert.Contains("ENV-BEGIN", log, StringComparison.Ordinal);
            Assert.Contains("PATH=", log, StringComparison.Ordinal);
            Assert.Contains("ARGS-BEGIN", log, StringComparison.Ordinal);

            var keyLines = flow.GitHub.App.PrivateKeyPem.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(l => !l.StartsWith("-----", StringComparison.Ordinal) && l.Length >= 16).ToList();
            Assert.NotEmpty(keyLines);
            var secrets = keyLines.Append(flow.GitHub.App.WebhookSecret).Append(pgPassword).Append("ghs_").Append("PGPASSWORD").ToList();

            var places = new List<string> { task.LogPath! };
            places.AddRange(Directory.EnumerateFiles(Path.Combine(flow.WorkDirectory, "logs"), "*", SearchOption.AllDirectories));
            places.AddRange(Directory.EnumerateFiles(Path.Combine(flow.WorkDirectory, "git"), "config", SearchOption.AllDirectories));
            places.AddRange(Directory.EnumerateFiles(Path.Combine(flow.WorkDirectory, "git"), "config.worktree", SearchOption.AllDirectories));
            Assert.Contains(places, p => p.EndsWith("config", StringComparison.Ordinal));
            foreach (var place in places.Distinct())
            {
                var text = await File.ReadAllTextAsync(place);
                foreach (var secret in secrets)
                {
                    Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{place} holds the secret starting {secret[..Math.Min(8, secret.Length)]}");
                }
            }

            // What the agent committed (out.txt) was pushed; the branch holds nothing more.
            var pushed = await FlowHarness.GitAsync(flow.Repository.BareRepositoryPath, "log", "-p", "main..gitbot/" + issue);
            Assert.DoesNotContain("ghs_", pushed, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PGPASSWORD", previous);
        }
    }
}
