using GitBot.Simulator;

namespace GitBot.Cli.Tests.Action;

/// <summary>
/// <c>gitbot run-event</c> in token mode (the job's <c>GITHUB_TOKEN</c>): the merge gate runs too, and its check run
/// belongs to the GitHub Actions App, as every check written with that token does on GitHub.
/// </summary>
public sealed class RunEventGateTests
{
    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["README.md"] = "# widgets\n",
        ["test.sh"] = "#!/bin/sh\ntest -f alpha.txt && echo 'ok 1 - alpha exists'\n",
        [".github/gitbot.yml"] = "test_command: [sh, test.sh]\nreviews:\n  agents: [tests]\n",
    };

    [Fact]
    public async Task A_pull_request_event_on_a_GitBot_branch_posts_the_gate_on_the_head_saying_a_human_approval_is_missing()
    {
        await using var job = await ActionJob.StartAsync(Files);
        var head = await job.GitHub.PushCommitAsync(ActionJob.Repository, "gitbot/7", new Dictionary<string, string> { ["alpha.txt"] = "alpha\n" }, "Add alpha", ActionJob.Writer, CancellationToken.None);
        await job.GitHub.OpenPullRequestAsync(ActionJob.Repository, "gitbot/7", "main", "Add alpha", "Closes #7", ActionJob.Writer, CancellationToken.None);
        var eventFile = await job.EventFileAsync("pull_request");

        var run = await job.RunAsync(job.Environment("pull_request", eventFile));

        Assert.True(run.ExitCode == 0, run.StandardOutput + run.StandardError);
        var checks = job.GitHub.GetCheckRuns(ActionJob.Repository);
        var gate = Assert.Single(checks, c => c.Name == "gitbot/gate");
        Assert.Equal(head, gate.HeadSha);
        // Written with the job's token: GitHub (and the simulator) attribute it to the GitHub Actions App, not to an installed App.
        Assert.Equal(SimulatedApp.GitHubActions.Id, gate.AppId);
        Assert.Equal("github-actions", gate.AppSlug);
        Assert.NotEqual("success", gate.Conclusion);
        Assert.Contains("approval", gate.OutputTitle + "\n" + gate.OutputSummary, StringComparison.Ordinal);
        Assert.Contains("write access", gate.OutputSummary, StringComparison.Ordinal);
        // The review agent's check is the same App's, so the gate counted it rather than ignoring it as another App's.
        var tests = Assert.Single(checks, c => c.Name == "gitbot/tests");
        Assert.Equal(SimulatedApp.GitHubActions.Id, tests.AppId);
        Assert.Empty(job.GitHub.RejectedRequests);
    }
}
