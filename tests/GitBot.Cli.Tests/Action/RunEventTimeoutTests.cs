namespace GitBot.Cli.Tests.Action;

/// <summary><c>gitbot run-event</c> fails the step when the work outlasts <c>timeout-minutes</c>, and says so.</summary>
public sealed class RunEventTimeoutTests
{
    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["README.md"] = "# widgets\n",
        [".github/gitbot.yml"] = "roles:\n  coder:\n    backend: command\n    prompt_on_stdin: true\n    command: [sh, -c, \"cat > /dev/null; sleep 120\"]\nlimits:\n  task_timeout: 10m\n",
    };

    [Fact]
    public async Task Work_still_running_at_the_timeout_exits_1_with_a_clear_line_and_the_outputs_written()
    {
        await using var job = await ActionJob.StartAsync(Files);
        var issue = await job.GitHub.OpenIssueAsync(ActionJob.Repository, "Slow", "- [ ] Take a long time", ActionJob.Writer, [], CancellationToken.None);
        await job.GitHub.AddLabelAsync(ActionJob.Repository, issue, "agent", ActionJob.Writer, CancellationToken.None);
        var environment = job.Environment("issues", await job.EventFileAsync("issues"));
        environment["GITBOT_ACTION_TIMEOUT_MINUTES"] = "0.1";

        var run = await job.RunAsync(environment);

        Assert.True(run.ExitCode == 1, run.StandardOutput + run.StandardError);
        Assert.Contains("gitbot run-event: timed out after 00:00:06", run.StandardError, StringComparison.Ordinal);
        Assert.Empty(job.Outputs()["pull-request"]);
        Assert.DoesNotContain("Succeeded", job.Outputs()["task-states"], StringComparison.Ordinal);
    }
}
