using System.Globalization;
using GitBot.Core.Plans;
using GitBot.Core.Runs;
using GitBot.Git.Processes;
using GitBot.Server.Tests.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace GitBot.Server.Tests.Executors;

/// <summary>
/// The <c>actions</c> executor with the real runner side: for each dispatch the test runs <c>gitbot run-task</c> as a
/// child process with the dispatch's inputs and the job's environment (<c>GITHUB_TOKEN</c> for the repository,
/// <c>GITHUB_RUN_ID</c>, <c>RUNNER_TEMP</c>), exactly as the GitBot workflow's step would.
/// </summary>
public sealed class RunTaskCliTests
{
    [Fact]
    public async Task Gitbot_run_task_runs_each_dispatched_task_and_the_graph_ends_in_a_pull_request()
    {
        await using var flow = await FlowHarness.StartAsync(FailureFlow.NoModel(), ActionsFlow.Files("5m"), ActionsFlow.Settings());
        var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Two steps", "- [ ] First step\n- [ ] Second step (after 1)", "alice", ["agent"], CancellationToken.None);

        // The job's checkout, as actions/checkout with fetch-depth: 0 leaves it; it seeds the runner's repository cache.
        var workspace = Path.Combine(flow.WorkDirectory, "workspace");
        await FlowHarness.GitAsync(flow.WorkDirectory, "clone", "--quiet", flow.Repository.BareRepositoryPath, workspace);

        var runIds = new List<long>();
        for (var number = 1; number <= 2; number++)
        {
            var dispatch = await ActionsFlow.WaitForDispatchAsync(flow, number);
            var runId = await flow.GitHub.StartWorkflowRunAsync(FlowHarness.Repo, dispatch.WorkflowId, dispatch.Ref, "alice", CancellationToken.None);
            runIds.Add(runId);
            var result = await RunTaskAsync(flow, dispatch.Inputs["task"], dispatch.Inputs["callback_token"], runId, workspace);
            Assert.True(result.ExitCode == 0, $"gitbot run-task failed ({result.ExitCode}): {result.StandardOutput}{result.StandardError}{result.StartError}");
            Assert.Contains(number == 1 ? "repository cache seeded from the checkout" : "the repository cache already exists", result.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("succeeded", result.StandardOutput, StringComparison.Ordinal);
            await flow.GitHub.CompleteWorkflowRunAsync(FlowHarness.Repo, runId, "success", CancellationToken.None);
        }

        var done = await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished && p.Plan.PullRequestNumber is not null, TimeSpan.FromMinutes(2));
        Assert.True(done.Plan.State == PlanState.Succeeded, FlowHarness.Describe(done));
        var pull = flow.GitHub.GetPullRequest(FlowHarness.Repo, done.Plan.PullRequestNumber!.Value)!;
        var bare = flow.Repository.BareRepositoryPath;
        var files = await FlowHarness.GitAsync(bare, "diff", "--name-only", $"main...{pull.HeadSha}");
        Assert.Equal(["task-1.txt", "task-2.txt"], files.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        var log = await FlowHarness.GitAsync(bare, "log", "--no-merges", "--format=%(trailers:key=GitBot-Task,valueonly,separator=)", $"main..{pull.HeadSha}");
        Assert.Equal([$"{done.Plan.Id}/1", $"{done.Plan.Id}/2"], log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).Order(StringComparer.Ordinal));
        Assert.Equal(2, flow.GitHub.GetWorkflowDispatches(FlowHarness.Repo).Count);
        Assert.Empty(flow.GitHub.RejectedRequests);

        // Each runner run is on the dashboard: node = its Actions run, the agent's outcome and exit code as reported.
        var runs = await flow.Server.App.Services.GetRequiredService<IAgentRunStore>().ListForPlanAsync(done.Plan.Id, CancellationToken.None);
        Assert.Equal(
            runIds.Select(id => ("actions", $"actions run {id.ToString(CultureInfo.InvariantCulture)}", "Succeeded", (int?)0)),
            runs.Select(r => (r.Backend, r.Node, r.State, r.ExitCode)));
        Assert.All(runs, r => Assert.Equal(issue, r.Subject.IssueNumber));
    }

    private static Task<ProcessResult> RunTaskAsync(FlowHarness flow, string task, string token, long runId, string workspace)
    {
        var runner = Path.Combine(flow.WorkDirectory, "runner");
        Directory.CreateDirectory(runner);
        var environment = new Dictionary<string, string>
        {
            ["GITHUB_TOKEN"] = flow.GitHub.IssueRepositoryToken(FlowHarness.Repo),
            ["GITHUB_RUN_ID"] = runId.ToString(CultureInfo.InvariantCulture),
            ["RUNNER_TEMP"] = runner,
            ["GITHUB_WORKSPACE"] = workspace,
        };
        string[] args = [GitBotDll(), "run-task", "--task", task, "--callback-token", token, "--gitbot-url", flow.Server.Client.BaseAddress!.ToString()];
        return new ProcessRunner(TimeProvider.System).RunAsync(new ProcessSpec("dotnet", args, runner, environment, TimeSpan.FromMinutes(3)), CancellationToken.None);
    }

    /// <summary>The built <c>gitbot</c> (src/GitBot.Cli, same configuration as this test assembly); fails loudly when it is not built.</summary>
    private static string GitBotDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var dll = Path.Combine(directory.FullName, "src", "GitBot.Cli", "bin", configuration, "net10.0", "gitbot.dll");
            if (File.Exists(dll))
            {
                return dll;
            }
        }

        throw new InvalidOperationException($"gitbot.dll is not built: build src/GitBot.Cli ({configuration}) before running this test.");
    }
}
