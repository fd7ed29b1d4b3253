using System.Globalization;
using System.Text;

namespace AgentStartBench;

/// <summary>The two measurements: label → first agent process start, and eight one-second tasks on N slots.</summary>
internal sealed class Scenarios(BenchContext context)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Opens an unlabelled one-task issue, waits for its <c>opened</c> delivery to settle, then takes the clock and adds
    /// the <c>agent</c> label. Returns ms from just before <c>AddLabelAsync</c> to the <c>date</c> the agent wrote.
    /// Waits for the plan to finish, so the worktree is back in the pool before the next sample.
    /// </summary>
    public async Task<double> LabelToStartAsync(BenchServer server, string name)
    {
        var before = context.Read("started").Length;
        var issue = await context.GitHub.OpenIssueAsync(BenchContext.Repo, "Start " + name, "- [ ] Record the start time (starter)\n", "alice", null, CancellationToken.None);
        await context.GitHub.WaitForDeliveriesAsync(CancellationToken.None);
        await Task.Delay(300);
        var label = NowNs();
        await context.GitHub.AddLabelAsync(BenchContext.Repo, issue, "agent", "alice", CancellationToken.None);
        var deadline = TimeProvider.System.GetUtcNow() + Timeout;
        long[] marks;
        while ((marks = context.Read("started")).Length <= before)
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"no agent start for {name}");
            }

            await Task.Delay(5);
        }

        var ms = (marks[before] - label) / 1e6;
        var plan = await server.WaitFinishedAsync(BenchContext.Repo, issue, Timeout);
        var task = plan.Tasks[0];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: issue #{issue} label->agent start {ms:F0} ms; plan {plan.Plan.State}, created +{Since(label, plan.Plan.CreatedAt):F0} ms, task started(db) +{Since(label, task.StartedAt):F0} ms, finished(db) +{Since(label, task.FinishedAt):F0} ms, plan updated +{Since(label, plan.Plan.UpdatedAt):F0} ms"));
        return ms;
    }

    /// <summary>Eight independent <c>sleeper</c> tasks in one plan; ms from label to plan finished, and first→last agent start.</summary>
    public async Task<(double Total, double Agents)> EightTasksAsync(BenchServer server, int slots)
    {
        var before = context.Read("sleep-start").Length;
        var body = new StringBuilder();
        for (var i = 1; i <= 8; i++)
        {
            body.Append(CultureInfo.InvariantCulture, $"- [ ] Sleep one second, number {i} (sleeper)\n");
        }

        var issue = await context.GitHub.OpenIssueAsync(BenchContext.Repo, $"Eight tasks on {slots} slots", body.ToString(), "alice", null, CancellationToken.None);
        await context.GitHub.WaitForDeliveriesAsync(CancellationToken.None);
        await Task.Delay(300);
        var label = NowNs();
        await context.GitHub.AddLabelAsync(BenchContext.Repo, issue, "agent", "alice", CancellationToken.None);
        var plan = await server.WaitFinishedAsync(BenchContext.Repo, issue, Timeout);
        var total = (NowNs() - label) / 1e6;
        var starts = context.Read("sleep-start")[before..];
        var agents = starts.Length == 0 ? double.NaN : (starts.Max() - starts.Min()) / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"slots {slots}: issue #{issue} plan {plan.Plan.State} with {plan.Tasks.Count(t => t.State == GitBot.Core.Plans.TaskState.Succeeded)}/8 tasks succeeded; label->plan finished {total:F0} ms; {starts.Length} agent starts, first at +{(starts.Length == 0 ? double.NaN : (starts.Min() - label) / 1e6):F0} ms, first->last start {agents:F0} ms"));
        foreach (var t in plan.Tasks)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  task {t.Id} {t.State} started +{Since(label, t.StartedAt):F0} ms finished +{Since(label, t.FinishedAt):F0} ms {t.Reason}"));
        }

        return (total, agents);
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static string Result(string key, IEnumerable<double> values) =>
        $"RESULT {key}=" + string.Join(",", values.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)));

    private static long NowNs() => (TimeProvider.System.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;

    private static double Since(long labelNs, DateTimeOffset? at) =>
        at is null ? double.NaN : (((at.Value - DateTimeOffset.UnixEpoch).Ticks * 100) - labelNs) / 1e6;
}
