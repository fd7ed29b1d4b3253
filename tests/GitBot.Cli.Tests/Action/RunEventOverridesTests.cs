using System.Globalization;

namespace GitBot.Cli.Tests.Action;

/// <summary>
/// The workflow's <c>role-overrides</c>, <c>model</c> and <c>config-path</c> inputs, through <c>gitbot run-event</c> run
/// as a runner runs it: the overlay changes what the agent runs, another file can be the configuration, and a mistake
/// in the overlay is reported like a file's and runs nothing.
/// </summary>
public sealed class RunEventOverridesTests
{
    private static async Task<(ActionJob Job, Dictionary<string, string> Environment, int Issue)> LabelledIssueAsync(IReadOnlyDictionary<string, string> files)
    {
        var job = await ActionJob.StartAsync(files);
        var issue = await job.GitHub.OpenIssueAsync(ActionJob.Repository, "Add a module", "- [ ] Add the module", ActionJob.Writer, [], CancellationToken.None);
        await job.GitHub.AddLabelAsync(ActionJob.Repository, issue, "agent", ActionJob.Writer, CancellationToken.None);
        return (job, job.Environment("issues", await job.EventFileAsync("issues")), issue);
    }

    private static async Task<string> FileInPullRequestAsync(ActionJob job, string path)
    {
        var pr = job.GitHub.GetPullRequest(ActionJob.Repository, int.Parse(job.Outputs()["pull-request"], CultureInfo.InvariantCulture));
        Assert.NotNull(pr);
        var shown = await ActionJob.Git(job.Workspace, "--git-dir", job.Repo.BareRepositoryPath, "show", pr.HeadSha + ":" + path);
        Assert.True(shown.Succeeded, shown.StandardError);
        return shown.StandardOutput.Trim();
    }

    [Fact]
    public async Task Role_overrides_replace_the_command_the_coder_runs_and_keep_the_rest_of_the_role()
    {
        var (job, environment, _) = await LabelledIssueAsync(RunEventFlowTests.Files);
        await using var _job = job;
        // Only command changes: backend and prompt_on_stdin still come from .github/gitbot.yml (merged key by key).
        environment["GITBOT_ACTION_ROLE_OVERRIDES"] = "coder:\n  command: [sh, -c, \"echo beta > beta.txt; echo Wrote beta.txt.\"]\n";
        environment["GITBOT_ACTION_MODEL"] = "claude-test-model";

        var run = await job.RunAsync(environment);

        Assert.True(run.ExitCode == 0, run.StandardOutput + run.StandardError);
        Assert.Equal("{\"1\":\"Succeeded\"}", job.Outputs()["task-states"]);
        Assert.Equal("beta", await FileInPullRequestAsync(job, "beta.txt"));
        var alpha = await ActionJob.Git(job.Workspace, "--git-dir", job.Repo.BareRepositoryPath, "ls-tree", "--name-only", "-r", job.GitHub.GetPullRequest(ActionJob.Repository, int.Parse(job.Outputs()["pull-request"], CultureInfo.InvariantCulture))!.HeadSha);
        Assert.DoesNotContain("alpha.txt", alpha.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_path_reads_another_file_of_the_default_branch()
    {
        var files = new Dictionary<string, string>(RunEventFlowTests.Files)
        {
            ["ops/gitbot.yaml"] = "roles:\n  coder:\n    backend: command\n    prompt_on_stdin: true\n    command: [sh, -c, \"echo gamma > gamma.txt; echo Wrote gamma.txt.\"]\n",
        };
        var (job, environment, _) = await LabelledIssueAsync(files);
        await using var _job = job;
        environment["GITBOT_ACTION_CONFIG_PATH"] = "./ops/gitbot.yaml";

        var run = await job.RunAsync(environment);

        Assert.True(run.ExitCode == 0, run.StandardOutput + run.StandardError);
        Assert.Equal("{\"1\":\"Succeeded\"}", job.Outputs()["task-states"]);
        Assert.Equal("gamma", await FileInPullRequestAsync(job, "gamma.txt"));
    }

    [Fact]
    public async Task A_mistake_in_the_overrides_gets_the_configuration_error_comment_and_nothing_runs()
    {
        var (job, environment, issue) = await LabelledIssueAsync(RunEventFlowTests.Files);
        await using var _job = job;
        environment["GITBOT_ACTION_ROLE_OVERRIDES"] = "coder:\n  tool: [Read]\n";

        var run = await job.RunAsync(environment);

        Assert.True(run.ExitCode == 0, run.StandardOutput + run.StandardError);
        var comment = Assert.Single(job.GitHub.GetIssue(ActionJob.Repository, issue)!.Comments);
        Assert.Contains("the repository configuration is invalid", comment.Body, StringComparison.Ordinal);
        Assert.Contains("` action input ` line 3, key ` roles.coder.tool `", comment.Body, StringComparison.Ordinal);
        Assert.Equal("{}", job.Outputs()["task-states"]);
        Assert.Equal(string.Empty, job.Outputs()["pull-request"]);
    }

    [Theory]
    [InlineData("../gitbot.yml")]
    [InlineData("/etc/gitbot.yml")]
    [InlineData("ops/gitbot.json")]
    public async Task A_config_path_outside_the_repository_or_not_yaml_stops_the_step(string path)
    {
        var (job, environment, issue) = await LabelledIssueAsync(RunEventFlowTests.Files);
        await using var _job = job;
        environment["GITBOT_ACTION_CONFIG_PATH"] = path;

        var run = await job.RunAsync(environment);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"config-path '{path}' is not a .yml or .yaml file inside the repository", run.StandardError, StringComparison.Ordinal);
        Assert.Empty(job.GitHub.GetIssue(ActionJob.Repository, issue)!.Comments);
    }
}
