namespace GitBot.Cli.Tests.Action;

/// <summary><c>gitbot run-event</c> fails with a clear line, and a non-zero exit code, only when GitBot itself cannot run.</summary>
public sealed class RunEventEnvironmentTests
{
    [Fact]
    public async Task Without_the_runner_environment_it_names_what_is_missing_and_exits_2()
    {
        await using var job = await ActionJob.StartAsync(RunEventFlowTests.Files);
        var environment = job.Environment("issues", "/nonexistent/event.json");
        environment.Remove("GITHUB_REPOSITORY");

        var run = await job.RunAsync(environment);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("gitbot run-event: GITHUB_REPOSITORY is not set", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("GITHUB_EVENT_PATH '/nonexistent/event.json' does not exist", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_GitHub_refuses_fails_the_step_without_printing_the_token()
    {
        await using var job = await ActionJob.StartAsync(RunEventFlowTests.Files);
        var issue = await job.GitHub.OpenIssueAsync(ActionJob.Repository, "Add alpha", "- [ ] Add the alpha module", ActionJob.Writer, [], CancellationToken.None);
        await job.GitHub.AddLabelAsync(ActionJob.Repository, issue, "agent", ActionJob.Writer, CancellationToken.None);
        var environment = job.Environment("issues", await job.EventFileAsync("issues"));
        environment["GITHUB_TOKEN"] = "ghs_notAValidTokenAtAll0123456789";
        environment["GITBOT_ACTION_ANTHROPIC_API_KEY"] = "sk-ant-secret-never-printed";

        var run = await job.RunAsync(environment);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the GitHub token was refused", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("ghs_notAValidTokenAtAll", run.StandardOutput + run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-ant-secret", run.StandardOutput + run.StandardError, StringComparison.Ordinal);
        Assert.Empty(job.GitHub.GetIssue(ActionJob.Repository, issue)!.Comments);
    }
}
