using System.Globalization;
using GitBot.Server.Tests.Feedback;
using GitBot.Server.Tests.Plans;
using GitBot.Simulator;
using GitBot.Simulator.ModelServer;
using GitBot.Workflows.Commands;
using GitBot.Workflows.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace GitBot.Server.Tests.Commands;

/// <summary>
/// Shared pieces of the <c>/agent fix</c> tests on <see cref="FlowHarness"/> (real <c>gitbot serve</c> on PostgreSQL,
/// the simulator with a real bare repository, the real Claude Code CLI against the scripted model): a GitBot pull
/// request whose notes file holds a typo (<see cref="FeedbackFlow.OpenPullAsync"/>), a script that makes the fix
/// conversation edit it, no review agents (so every model request is the fix's), and waits on the reply's fix section.
/// </summary>
internal static class FixFlow
{
    public const string Command = "/agent fix rename wrold to world in notes.txt";

    /// <summary>A fix conversation reads notes.txt, edits it and says so; anything else gets plain text.</summary>
    public static ModelScript Script() => new(
        ModelScript.When(FixPromptBuilder.Heading,
            ModelStep.Read(FeedbackFlow.File), ModelStep.Edit(FeedbackFlow.File, "wrold", "world"), ModelStep.Text("Renamed wrold to world in notes.txt.")));

    public static Task<FlowHarness> StartAsync() =>
        FlowHarness.StartAsync(Script(), new Dictionary<string, string> { [".github/gitbot.yml"] = "limits:\n  task_timeout: 3m\nreviews:\n  agents: []\n" });

    /// <summary>Waits until the reply to <paramref name="commentId"/> holds its fix section in <paramref name="state"/>.</summary>
    public static Task<SimulatedComment> ForStateAsync(FlowHarness flow, int pull, long commentId, FixReplyState state) =>
        CommandWait.ForReplyAsync(flow.GitHub, pull, commentId, r => FixReply.Find(r.Body, commentId)?.State == state);

    /// <summary>How many fix conversations the model saw (first requests of conversations carrying the fix prompt).</summary>
    public static int Conversations(FlowHarness flow) =>
        flow.Model.Requests.Count(r => r.IsMessages && r.AssistantTurns == 0 && r.FirstUserText.Contains(FixPromptBuilder.Heading, StringComparison.Ordinal));

    /// <summary>The fix jobs queued or running on the agent-task scheduler.</summary>
    public static Task<long> JobsAsync(FlowHarness flow) =>
        flow.Server.ScalarAsync<long>($"SELECT COUNT(*) FROM qrtz_job_details WHERE job_group = '{FixJobKeys.Group}'");

    /// <summary>
    /// Holds every fix job in the queue (its trigger group paused in the shared job store, so no node starts it) until
    /// <see cref="ResumeAsync"/>: what happens between a command being accepted and its job starting can be staged.
    /// </summary>
    public static async Task PauseAsync(FlowHarness flow) =>
        await (await Scheduler(flow)).PauseTriggerGroups(GroupMatcher<TriggerKey>.GroupEquals(FixJobKeys.Group));

    public static async Task ResumeAsync(FlowHarness flow) =>
        await (await Scheduler(flow)).ResumeTriggerGroups(GroupMatcher<TriggerKey>.GroupEquals(FixJobKeys.Group));

    /// <summary>The <c>GitBot-Fix</c> trailers of the commits on <paramref name="branch"/> after <paramref name="since"/>.</summary>
    public static async Task<string[]> TrailersAsync(FlowHarness flow, string since, string branch) =>
        (await FlowHarness.GitAsync(flow.Repository.BareRepositoryPath, "log", "--format=%(trailers:key=GitBot-Fix,valueonly)", $"{since}..refs/heads/{branch}"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static Task<IScheduler> Scheduler(FlowHarness flow) =>
        flow.Server.App.Services.GetRequiredService<AgentTaskScheduler>().GetAsync(CancellationToken.None);
}
