using System.Globalization;
using GitBot.Core.Reviews.Gate;

namespace GateBench;

/// <summary>
/// A busy pull request: 200 reviews over 10 pushes by 60 people (approvals, change requests later lifted, "LGTM"
/// comments, dismissals, bots) and 50 check runs (GitBot's three agent checks on every push plus other Apps' runs,
/// some with the same names). The gate must walk all of it; the outcome is green.
/// </summary>
public static class GateInputs
{
    public static GateInput Busy(int reviews = 200, int checkRuns = 50, int people = 60)
    {
        const long appId = 4242;
        var shas = Enumerable.Range(0, 10).Select(i => i.ToString("x2", CultureInfo.InvariantCulture).PadRight(40, 'a')).ToArray();
        var head = shas[^1];
        var t0 = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
        var states = new[] { GateReviewState.Commented, GateReviewState.ChangesRequested, GateReviewState.Commented, GateReviewState.Dismissed, GateReviewState.Approved };
        var list = new List<GateReview>(reviews);
        for (var i = 0; i < reviews - people; i++)
        {
            var person = i % people;
            list.Add(new GateReview(i + 1, $"person{person}", person % 10 == 9 ? "Bot" : "User", states[i % states.Length], shas[i * shas.Length / reviews], t0.AddMinutes(i)));
        }

        // Everyone's last word is an approval on the head or a dismissal, so earlier change requests are lifted.
        for (var p = 0; p < people; p++)
        {
            list.Add(new GateReview(100_000 + p, $"person{p}", p % 10 == 9 ? "Bot" : "User", p % 3 == 0 ? GateReviewState.Approved : GateReviewState.Dismissed, head, t0.AddDays(1).AddMinutes(p)));
        }

        var checks = new List<GateCheckRun>(checkRuns);
        var names = GatePolicy.DefaultRequiredChecks;
        for (var i = 0; checks.Count < checkRuns - 3; i++)
        {
            var sha = shas[i % shas.Length];
            checks.Add(new GateCheckRun(i + 1, i % 4 == 3 ? "ci/build" : names[i % 3], sha, i % 2 == 0 ? appId : 77, "completed", i % 5 == 0 ? "failure" : "success"));
        }

        checks.AddRange(names.Select((n, i) => new GateCheckRun(10_000 + i, n, head, appId, "completed", "success")));
        var permissions = Enumerable.Range(0, people).ToDictionary(p => $"person{p}", p => p % 4 == 1 ? RepositoryPermission.Read : RepositoryPermission.Write, StringComparer.Ordinal);
        return new GateInput(
            head,
            "gitbot[bot]",
            "gitbot-agent",
            GatePolicy.Default(appId, ["gitbot[bot]"], ["gitbot-agent"]),
            TouchesWorkflowsOrCodeowners: true,
            checks,
            [new GateCommitStatus("gitbot/tests", "success", "someone")],
            list,
            permissions);
    }
}
