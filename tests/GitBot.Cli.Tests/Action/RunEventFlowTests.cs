namespace GitBot.Cli.Tests.Action;

/// <summary>
/// <c>gitbot run-event</c> run exactly as a runner runs it (a child process, the runner's environment, the event file,
/// a checkout, the job's token) against the GitHub simulator: the flows the App runs, synchronously in the job.
/// </summary>
public sealed class RunEventFlowTests
{
    private const string Config = """
        roles:
          coder:
            backend: command
            prompt_on_stdin: true
            command: [sh, -c, "echo alpha > alpha.txt; echo Wrote alpha.txt."]
        limits:
          task_timeout: 2m
        """;

    internal static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>
    {
        ["README.md"] = "# widgets\n",
        [".github/gitbot.yml"] = Config + "\n",
    };

    [Fact]
    public async Task A_writer_labelling_an_issue_with_a_task_list_gets_a_pull_request_and_the_outputs_say_so()
    {
        await using var job = await ActionJob.StartAsync(Files);
        var issue = await job.GitHub.OpenIssueAsync(ActionJob.Repository, "Add alpha", "- [ ] Add the alpha module", ActionJob.Writer, [], CancellationToken.None);
        await job.GitHub.AddLabelAsync(ActionJob.Repository, issue, "agent", ActionJob.Writer, CancellationToken.None);
        var eventFile = await job.EventFileAsync("issues");

        var run = await job.RunAsync(job.Environment("issues", eventFile));

        Assert.True(run.ExitCode == 0, run.StandardOutput + run.StandardError);
        Assert.Contains("repository cache seeded from the checkout", run.StandardOutput, StringComparison.Ordinal);
        var outputs = job.Outputs();
        Assert.Equal("{\"1\":\"Succeeded\"}", outputs["task-states"]);
        var pr = job.GitHub.GetPullRequest(ActionJob.Repository, int.Parse(outputs["pull-request"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(pr);
        Assert.Equal("main", pr.BaseRef);
        Assert.Equal("0", outputs["cost-usd"]);
        Assert.Contains("| 1 | Succeeded |", await File.ReadAllTextAsync(job.SummaryFile), StringComparison.Ordinal);
        var shown = await ActionJob.Git(job.Workspace, "--git-dir", job.Repo.BareRepositoryPath, "show", pr.HeadSha + ":alpha.txt");
        Assert.Equal("alpha", shown.StandardOutput.Trim());
    }

    [Fact]
    public async Task A_help_command_in_an_issue_comment_gets_its_reply()
    {
        await using var job = await ActionJob.StartAsync(Files);
        var issue = await job.GitHub.OpenIssueAsync(ActionJob.Repository, "Question", "How do I use GitBot?", ActionJob.Reader, [], CancellationToken.None);
        await job.GitHub.CommentAsync(ActionJob.Repository, issue, "/agent help", ActionJob.Reader, CancellationToken.None);
        var eventFile = await job.EventFileAsync("issue_comment");

        var run = await job.RunAsync(job.Environment("issue_comment", eventFile));

        Assert.True(run.ExitCode == 0, run.StandardOutput + run.StandardError);
        var comments = job.GitHub.GetIssue(ActionJob.Repository, issue)!.Comments;
        Assert.Equal(2, comments.Count);
        Assert.Contains("/agent status", comments[1].Body, StringComparison.Ordinal);
        Assert.Contains("eyes", comments[0].Reactions);
        Assert.Equal("{}", job.Outputs()["task-states"]);
    }

    [Fact]
    public async Task A_read_only_commenter_asking_for_a_plan_is_refused_and_nothing_runs()
    {
        await using var job = await ActionJob.StartAsync(Files);
        var issue = await job.GitHub.OpenIssueAsync(ActionJob.Repository, "Add alpha", "- [ ] Add the alpha module", ActionJob.Writer, [], CancellationToken.None);
        await job.GitHub.CommentAsync(ActionJob.Repository, issue, "/agent plan", ActionJob.Reader, CancellationToken.None);
        var eventFile = await job.EventFileAsync("issue_comment");

        var run = await job.RunAsync(job.Environment("issue_comment", eventFile));

        Assert.True(run.ExitCode == 0, run.StandardOutput + run.StandardError);
        var comments = job.GitHub.GetIssue(ActionJob.Repository, issue)!.Comments;
        Assert.Equal(2, comments.Count);
        Assert.Contains("write", comments[1].Body, StringComparison.Ordinal);
        Assert.Equal("{}", job.Outputs()["task-states"]);
        Assert.Equal("0", job.Outputs()["cost-usd"]);
        Assert.Empty(job.GitHub.GetCheckRuns(ActionJob.Repository));
        Assert.Null(job.GitHub.GetPullRequest(ActionJob.Repository, issue + 1));
    }

    [Fact]
    public async Task A_read_only_user_labelling_an_issue_is_refused_before_the_engine_starts()
    {
        await using var job = await ActionJob.StartAsync(Files);
        var issue = await job.GitHub.OpenIssueAsync(ActionJob.Repository, "Add alpha", "- [ ] Add the alpha module", ActionJob.Writer, [], CancellationToken.None);
        await job.GitHub.AddLabelAsync(ActionJob.Repository, issue, "agent", ActionJob.Reader, CancellationToken.None);
        var eventFile = await job.EventFileAsync("issues");

        var run = await job.RunAsync(job.Environment("issues", eventFile));

        Assert.True(run.ExitCode == 0, run.StandardOutput + run.StandardError);
        Assert.Contains("refused: rita has read permission", run.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(job.GitHub.GetIssue(ActionJob.Repository, issue)!.Comments);
        Assert.Equal(string.Empty, job.Outputs()["pull-request"]);
    }
}
