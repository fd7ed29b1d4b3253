namespace GitBot.Cli.Tests.Action;

/// <summary><c>gitbot run-event</c> on a <c>pull_request</c> event of a GitBot pull request: the review agents run in the job and report their checks.</summary>
public sealed class RunEventReviewTests
{
    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["README.md"] = "# widgets\n",
        ["test.sh"] = "#!/bin/sh\ntest -f alpha.txt && echo 'ok 1 - alpha exists'\n",
        [".github/gitbot.yml"] = "test_command: [sh, test.sh]\nreviews:\n  agents: [tests]\n",
    };

    [Fact]
    public async Task A_pull_request_event_on_a_GitBot_branch_runs_the_tests_review_and_completes_its_check()
    {
        await using var job = await ActionJob.StartAsync(Files);
        await job.GitHub.PushCommitAsync(ActionJob.Repository, "gitbot/7", new Dictionary<string, string> { ["alpha.txt"] = "alpha\n" }, "Add alpha", ActionJob.Writer, CancellationToken.None);
        var pr = await job.GitHub.OpenPullRequestAsync(ActionJob.Repository, "gitbot/7", "main", "Add alpha", "Closes #7", ActionJob.Writer, CancellationToken.None);
        var eventFile = await job.EventFileAsync("pull_request");

        var run = await job.RunAsync(job.Environment("pull_request", eventFile));

        Assert.True(run.ExitCode == 0, run.StandardOutput + run.StandardError);
        var check = Assert.Single(job.GitHub.GetCheckRuns(ActionJob.Repository), c => c.Name == "gitbot/tests");
        Assert.Equal("completed", check.Status);
        Assert.Equal("success", check.Conclusion);
        Assert.Equal(pr.ToString(System.Globalization.CultureInfo.InvariantCulture), job.Outputs()["pull-request"]);
    }
}
