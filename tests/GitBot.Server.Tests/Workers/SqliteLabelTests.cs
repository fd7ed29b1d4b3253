using GitBot.Core.Plans;
using GitBot.Server.Tests.Plans;
using GitBot.Server.Tests.Workers.Support;
using GitBot.Simulator;
using GitBot.Simulator.ModelServer;
using Microsoft.Extensions.DependencyInjection;

namespace GitBot.Server.Tests.Workers;

/// <summary>
/// Label routing on the laptop set-up, one <c>gitbot serve</c> on SQLite (a non-clustered Quartz store): unlabelled
/// tasks run as before; a task needing <c>gpu</c> runs when the node is labelled <c>gpu</c> and waits when it is not.
/// </summary>
public sealed class SqliteLabelTests
{
    private static readonly string[] Nodes = ["serve"];

    [Theory]
    [InlineData("", false)]
    [InlineData("gpu", true)]
    public async Task A_single_serve_runs_unlabelled_tasks_and_labelled_ones_only_with_the_label(string nodeLabels, bool labelledRuns)
    {
        using var work = new GitBot.Testing.TempDirectory("gitbot-sqlite-labels");
        var runs = new AgentRunLog(Path.Combine(work.Path, "runs.log"));
        var command = $"    command: [\"sh\", \"-c\", \"{runs.Agent(0)}\"]\n    prompt_on_stdin: true\n";
        await using var github = await GitHubSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
        var installation = github.AddInstallation("octo");
        var repository = await github.AddRepositoryAsync(installation, FlowHarness.Repo, CancellationToken.None);
        github.SetPermission(FlowHarness.Repo, "alice", "write");
        await github.CommitFilesAsync(FlowHarness.Repo, repository.DefaultBranch, new Dictionary<string, string>
        {
            [".github/gitbot.yml"] = "default_role: step\nlimits:\n  task_timeout: 2m\n  max_retries: 0\n" +
                "roles:\n  step:\n    description: Any node\n    backend: command\n" + command +
                "  trainer:\n    description: Needs a GPU\n    backend: command\n    labels: [gpu]\n" + command,
        }, "Configure GitBot", "alice", CancellationToken.None);
        await using var model = await ScriptedModelServer.StartAsync(new ModelScript(), CancellationToken.None);
        var settings = FlowHarness.ServerSettings(github, Path.Combine(work.Path, "serve"), model.BaseUrl.ToString().TrimEnd('/'), agentSlots: 2);
        settings["Scheduler:Labels"] = nodeLabels;
        await using var server = await TestServer.StartAsync(TestServer.Sqlite, settings);
        github.SetWebhookTarget(new Uri(server.Client.BaseAddress!, "/webhooks/github"));
        var plans = server.App.Services.GetRequiredService<IPlanStore>();

        var issue = await github.OpenIssueAsync(FlowHarness.Repo, "Train", "- [ ] Prepare data\n- [ ] Train the model (trainer)\n", "alice", ["agent"],
            CancellationToken.None);
        PlanSnapshot? plan = null;
        await WorkerCluster.WaitForAsync(() =>
        {
            plan = plans.FindLatestAsync(FlowHarness.Repo, issue, CancellationToken.None).GetAwaiter().GetResult();
            return plan is not null && (labelledRuns ? plan.Plan.IsFinished : plan.Tasks.Any(t => t.Id == "1" && t.State == TaskState.Succeeded));
        }, "the plan", TimeSpan.FromMinutes(2));

        if (labelledRuns)
        {
            Assert.True(plan!.Plan.State == PlanState.Succeeded, FlowHarness.Describe(plan));
            Assert.Contains(runs.Read(Nodes), r => r.Task == "2" && r.Kind == "end");
        }
        else
        {
            await Task.Delay(TimeSpan.FromSeconds(3)); // a free slot and several acquisition rounds
            plan = await plans.FindLatestAsync(FlowHarness.Repo, issue, CancellationToken.None);
            Assert.True(plan!.Tasks.Single(t => t.Id == "2").State == TaskState.Ready, FlowHarness.Describe(plan));
            Assert.DoesNotContain(runs.Read(Nodes), r => r.Task == "2");
        }
    }
}
