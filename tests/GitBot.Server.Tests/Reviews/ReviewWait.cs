using GitBot.Simulator;

namespace GitBot.Server.Tests.Reviews;

/// <summary>Polls the simulator for what the review agents post.</summary>
internal static class ReviewWait
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>The newest check run named <paramref name="name"/> on <paramref name="headSha"/> once it satisfies <paramref name="done"/>; fails showing the last seen.</summary>
    public static async Task<SimulatedCheckRun> ForCheckAsync(GitHubSimulator github, string headSha, string name, Func<SimulatedCheckRun, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow + Timeout;
        SimulatedCheckRun? last = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            last = github.GetCheckRuns(FlowHarnessRepo).Where(r => r.Name == name && r.HeadSha == headSha).MaxBy(r => r.Id);
            if (last is not null && done(last))
            {
                return last;
            }

            await Task.Delay(100);
        }

        var all = string.Join("\n", github.GetCheckRuns(FlowHarnessRepo).Select(r => $"  {r.Name} {r.HeadSha[..7]} {r.Status}/{r.Conclusion} {r.OutputTitle}"));
        Assert.Fail($"{name} on {headSha[..7]} never got there. Last seen: {(last is null ? "(none)" : $"{last.Status}/{last.Conclusion} {last.OutputTitle}\n{last.OutputSummary}")}\nAll runs:\n{all}");
        return last!;
    }

    /// <summary>The newest review of the pull request whose body carries <paramref name="marker"/>; fails when there is none.</summary>
    public static SimulatedReview BotReview(GitHubSimulator github, int number, string marker)
    {
        var reviews = github.GetPullRequest(FlowHarnessRepo, number)!.Reviews;
        var found = reviews.Where(r => r.Body?.Contains(marker, StringComparison.Ordinal) == true).MaxBy(r => r.Id);
        Assert.True(found is not null, $"no review carries {marker}; reviews: {string.Join(", ", reviews.Select(r => $"{r.Author}:{r.State}"))}");
        return found!;
    }

    private const string FlowHarnessRepo = Plans.FlowHarness.Repo;
}
