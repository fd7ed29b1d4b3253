using System.Diagnostics;
using GitBot.Simulator;

namespace ReviewBench;

/// <summary>One timed push: from the push call / the synchronize delivery to all three agent checks completed on the new head.</summary>
/// <param name="FromPushMs">ms from just before <c>PushCommitAsync</c> to the last check seen completed.</param>
/// <param name="FromSynchronizeMs">ms from the <c>pull_request synchronize</c> delivery attempt to the last check seen completed.</param>
/// <param name="PushCallMs">How long <c>PushCommitAsync</c> itself took (simulator commit of 40 files + queuing the events).</param>
/// <param name="Checks">Per check: ms from the synchronize delivery to first seen queued/in_progress/completed, and its conclusion.</param>
/// <param name="ModelCalls">Model requests in the window, with their times.</param>
/// <param name="GitHubRequests">Requests GitBot's GitHub client made in the window.</param>
/// <param name="GitHubMs">Sum of those requests' durations (they overlap: the agents run in parallel).</param>
internal sealed record SyncSample(double FromPushMs, double FromSynchronizeMs, double PushCallMs,
    IReadOnlyDictionary<string, (double Queued, double Started, double Completed, string? Conclusion)> Checks,
    IReadOnlyList<HttpCall> ModelCalls, int GitHubRequests, double GitHubMs);

/// <summary>
/// Scenario 1: a pull request on GitBot's branch <c>gitbot/&lt;issue&gt;</c> is opened and its first reviews finish; then
/// each round pushes a commit rewriting 40 files of 50 lines (a 2,000-added-line, 40-file PR diff) and times until
/// <c>gitbot/security</c>, <c>gitbot/tests</c> and <c>gitbot/judge</c> are completed on the new head (polling the
/// simulator's state every 2 ms).
/// </summary>
internal sealed class SyncScenario(GitHubSimulator github, HttpLog log, string repo, Func<Task> quiesce)
{
    public static readonly string[] CheckNames = ["gitbot/security", "gitbot/tests", "gitbot/judge"];
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private string _branch = "";

    public int Number { get; private set; }

    public async Task<SyncSample> OpenAsync()
    {
        var issue = await github.OpenIssueAsync(repo, "Add the widget parts", "- [ ] Add the forty widget parts under src/parts\n", "alice", null,
            CancellationToken.None);
        _branch = $"gitbot/{issue}";
        var start = Stopwatch.GetTimestamp();
        var head = await github.CommitFilesAsync(repo, _branch, new Dictionary<string, string> { ["widget.py"] = "COUNT = 3\nNAME = \"gadget\"\n" },
            "Start the parts", "alice", CancellationToken.None);
        Number = await github.OpenPullRequestAsync(repo, _branch, "main", "Add the widget parts", $"Closes #{issue}", "alice", CancellationToken.None);
        return await WaitAsync(head, start, start, "pull_request", "opened");
    }

    public async Task<SyncSample> PushAsync(int round)
    {
        // Quiet first: the previous round's deliveries, gate recomputes and review jobs are all done.
        await github.WaitForDeliveriesAsync(CancellationToken.None);
        await quiesce();
        var start = Stopwatch.GetTimestamp();
        var head = await github.PushCommitAsync(repo, _branch, Workload.Parts(round), $"Widget parts, round {round}", "alice", CancellationToken.None);
        return await WaitAsync(head, start, Stopwatch.GetTimestamp(), "pull_request", "synchronize");
    }

    private async Task<SyncSample> WaitAsync(string head, long start, long pushed, string @event, string action)
    {
        var seen = CheckNames.ToDictionary(n => n, _ => (Queued: -1L, Started: -1L, Completed: -1L, Conclusion: (string?)null));
        var deadline = start + (long)(Timeout.TotalSeconds * Stopwatch.Frequency);
        while (seen.Values.Any(s => s.Completed < 0))
        {
            var now = Stopwatch.GetTimestamp();
            if (now > deadline)
            {
                throw new TimeoutException($"checks on {head[..7]} not completed: " + string.Join(", ", github.GetCheckRuns(repo)
                    .Where(r => r.HeadSha == head).Select(r => $"{r.Name} {r.Status}/{r.Conclusion}")));
            }

            foreach (var run in github.GetCheckRuns(repo).Where(r => r.HeadSha == head && seen.ContainsKey(r.Name)))
            {
                var s = seen[run.Name];
                if (s.Queued < 0)
                {
                    s.Queued = now;
                }

                if (s.Started < 0 && run.Status is "in_progress" or "completed")
                {
                    s.Started = now;
                }

                if (s.Completed < 0 && run.Status == "completed")
                {
                    s.Completed = now;
                    s.Conclusion = run.Conclusion;
                }

                seen[run.Name] = s;
            }

            await Task.Delay(2);
        }

        var end = seen.Values.Max(s => s.Completed);
        var delivery = github.DeliveryLog.FirstOrDefault(d => d.Event == @event && d.Action == action && d.RequestBody.Contains(head, StringComparison.Ordinal));
        // DeliveredAt is wall-clock; map it onto the Stopwatch timeline through "now" on both clocks.
        var nowTicks = Stopwatch.GetTimestamp();
        var nowWall = TimeProvider.System.GetUtcNow();
        var syncTicks = delivery is null ? pushed : nowTicks - (long)((nowWall - delivery.DeliveredAt).TotalSeconds * Stopwatch.Frequency);
        double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
        var calls = log.Between(start, end);
        var gitHubCalls = calls.Where(c => c.Label == "github").ToList();
        return new SyncSample(Ms(start, end), Ms(syncTicks, end), Ms(start, pushed),
            seen.ToDictionary(p => p.Key, p => (Ms(syncTicks, p.Value.Queued), Ms(syncTicks, p.Value.Started), Ms(syncTicks, p.Value.Completed), p.Value.Conclusion)),
            [.. calls.Where(c => c.Label != "github")], gitHubCalls.Count, gitHubCalls.Sum(c => c.Milliseconds));
    }

    public static string Describe(string name, SyncSample s) => string.Concat(
        FormattableString.Invariant($"{name}: push->all three {s.FromPushMs:F0} ms; synchronize->all three {s.FromSynchronizeMs:F0} ms (push call {s.PushCallMs:F0} ms); "),
        string.Join("; ", s.Checks.Select(c => $"{c.Key} q+{c.Value.Queued:F0} run+{c.Value.Started:F0} done+{c.Value.Completed:F0} {c.Value.Conclusion}")),
        FormattableString.Invariant($"; model calls {s.ModelCalls.Count} ({string.Join(", ", s.ModelCalls.Select(m => $"{m.Label} {m.Milliseconds:F1} ms"))}); GitHub requests {s.GitHubRequests} (sum {s.GitHubMs:F0} ms)"));
}
