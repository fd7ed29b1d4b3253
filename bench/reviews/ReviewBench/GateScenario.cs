using System.Diagnostics;
using System.Globalization;
using GitBot.Simulator;
using GitBot.Workflows.Reviews;
using Microsoft.Extensions.DependencyInjection;

namespace ReviewBench;

/// <summary>One recompute: its wall time, the GitHub requests it made, and what it decided.</summary>
internal sealed record GateSample(double Milliseconds, IReadOnlyList<HttpCall> Requests, string Outcome);

/// <summary>
/// Scenario 2: a pull request on <c>gitbot/…</c> with 5 pushes, 200 reviews by 60 people (40 write, 20 read; approvals,
/// change requests, comments) and 50 check runs on its head (GitBot's three agent checks, 47 by two other Apps, one of
/// them with GitBot's name); then the real <see cref="GateRecomputer.RecomputeAsync(long, string, int, CancellationToken)"/>
/// from the server's services, timed. While seeding and measuring, webhooks go to a closed port, so nothing else
/// (no webhook-triggered recompute) runs in the window and every GitHub request in it is the recompute's.
/// </summary>
internal sealed class GateScenario(GitHubSimulator github, SimulatedInstallation installation, HttpLog log, IServiceProvider services)
{
    public const int People = 60;
    public const int Writers = 40;

    /// <summary>Creates and seeds one repository (its PR changes <paramref name="partFiles"/> files of <paramref name="partLines"/> lines plus a workflow); returns its name and the pull request number.</summary>
    public async Task<(string Repo, int Number)> SeedAsync(string repo, int partFiles = 40, int partLines = 50)
    {
        var repository = await github.AddRepositoryAsync(installation, repo, CancellationToken.None);
        github.SetPermission(repo, "alice", "write");
        for (var p = 0; p < People; p++)
        {
            github.SetPermission(repo, Person(p), p < Writers ? "write" : "read");
        }

        await github.CommitFilesAsync(repo, repository.DefaultBranch, Workload.BaseFiles(Workload.GateConfig), "Configure GitBot", "alice",
            CancellationToken.None);
        var branch = "gitbot/9";
        var files = Workload.Parts(0, partFiles, partLines);
        files[".github/workflows/ci.yml"] = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n";
        await github.CommitFilesAsync(repo, branch, files, "Widget parts", "alice", CancellationToken.None);
        var number = await github.OpenPullRequestAsync(repo, branch, "main", "Add the widget parts", "Closes #9", "alice", CancellationToken.None);
        var reviews = 0;
        for (var push = 0; push < 5; push++)
        {
            if (push > 0)
            {
                await github.PushCommitAsync(repo, branch, Workload.Parts(push, partFiles, partLines), $"Round {push}", "alice", CancellationToken.None);
            }

            for (var j = 0; j < 40; j++, reviews++)
            {
                var who = Person(reviews % People);
                // Older heads: a mix; the head: 32 approvals (writers and read-only people alike) and 8 "LGTM" comments.
                var kind = push < 4
                    ? (j % 3) switch { 0 => "REQUEST_CHANGES", 1 => "APPROVE", _ => "COMMENT" }
                    : j < 32 ? "APPROVE" : "COMMENT";
                await github.SubmitReviewAsync(repo, number, who, kind, kind == "COMMENT" ? "LGTM" : $"Review {reviews}", CancellationToken.None);
            }
        }

        var head = github.GetPullRequest(repo, number)!.HeadSha;
        foreach (var name in SyncScenario.CheckNames)
        {
            await github.CompleteCheckRunAsync(repo, head, name, "success", CancellationToken.None);
        }

        await github.CompleteCheckRunAsync(repo, head, "gitbot/tests", "failure", "other-ci", CancellationToken.None);
        for (var c = 0; c < 36; c++)
        {
            await github.CompleteCheckRunAsync(repo, head, $"ci/job-{c:D2}", c % 9 == 0 ? "failure" : "success", "actions", CancellationToken.None);
        }

        for (var c = 0; c < 10; c++)
        {
            await github.CompleteCheckRunAsync(repo, head, $"lint/{c:D2}", "success", "other-ci", CancellationToken.None);
        }

        var pull = github.GetPullRequest(repo, number)!;
        var runs = github.GetCheckRuns(repo).Count(r => r.HeadSha == head);
        if (pull.Reviews.Count != 200 || runs != 50)
        {
            throw new InvalidOperationException($"seeding gave {pull.Reviews.Count} reviews and {runs} check runs on the head");
        }

        return (repo, number);
    }

    public async Task<GateSample> RecomputeAsync(string repo, int number)
    {
        var recomputer = services.GetRequiredService<GateRecomputer>();
        var start = Stopwatch.GetTimestamp();
        var result = await recomputer.RecomputeAsync(installation.Id, repo, number, CancellationToken.None);
        var end = Stopwatch.GetTimestamp();
        var outcome = result.Decision is { } decision ? $"{decision.Conclusion}: {decision.Title}" : "skipped: " + result.Skipped;
        return new GateSample(Stopwatch.GetElapsedTime(start, end).TotalMilliseconds, log.Between(start, end), outcome);
    }

    public static string Describe(string name, GateSample s) => string.Concat(
        FormattableString.Invariant($"{name}: {s.Milliseconds:F1} ms, {s.Requests.Count} GitHub requests (sum {s.Requests.Sum(r => r.Milliseconds):F1} ms): "),
        string.Join(", ", s.Requests.GroupBy(r => Route(r)).Select(g => FormattableString.Invariant($"{g.Count()}x {g.Key} ({g.Average(r => r.Milliseconds):F1} ms avg)"))) + $" -> {s.Outcome}");

    private static string Route(HttpCall call)
    {
        var parts = call.Path.Split('?')[0].Split('/');
        // /repos/{owner}/{repo}/...: owner, repo, numbers, SHAs and logins replaced so routes group.
        return call.Method + " " + string.Join('/', parts.Select((p, i) =>
            i is 2 or 3 && parts[1] == "repos" ? "*"
            : p.Length > 0 && p.All(char.IsAsciiDigit) ? "{n}"
            : p.Length == 40 && p.All(char.IsAsciiHexDigit) ? "{sha}"
            : p.StartsWith("user", StringComparison.Ordinal) || p == "alice" ? "{login}"
            : p));
    }

    private static string Person(int index) => "user" + index.ToString("D2", CultureInfo.InvariantCulture);
}
