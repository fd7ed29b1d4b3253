using GitBot.Core.Plans;
using GitBot.Core.Plans.Rendering;
using static GitBot.Core.Tests.Plans.PlanFixtures;

namespace GitBot.Core.Tests.Plans;

/// <summary>The snapshots every renderer is checked against.</summary>
internal static class RendererScenarios
{
    public const string FakeToken = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";

    public const string HostileText = "<img src=x onerror=alert(1)> **bold** `code` ]] | pipe | <!-- -->\nnew line [link](http://evil.example) @admin fixes #1 $x$ \u202Eevil " + FakeToken;

    public static readonly PlanRenderContext Context = new(T0 + TimeSpan.FromMinutes(30), "gitbot", "https://gitbot.example.com/");

    /// <summary>One task in each of the eight states, with dependencies, retries, costs and reasons.</summary>
    public static PlanSnapshot AllStates() => new(
        Plan(),
        [
            Task(0, "1", "Add the login API", TaskState.Succeeded, role: "backend", attempt: 1, started: TimeSpan.FromMinutes(1), finished: TimeSpan.FromSeconds(60 + 72), cost: 0.04m, sha: "0123456789abcdef0123456789abcdef01234567"),
            Task(1, "2", "Build the login page", TaskState.Running, ["1"], "frontend", attempt: 2, started: TimeSpan.FromSeconds(30 * 60 - 65), cost: 0.013m),
            Task(2, "3", "Session store", TaskState.Ready, ["1"], "backend"),
            Task(3, "4", "Docs", TaskState.Pending, ["2", "3"], "docs"),
            Task(4, "5", "Migrate users", TaskState.Failed, ["1"], "backend", attempt: 2, started: TimeSpan.FromMinutes(2), finished: TimeSpan.FromMinutes(2) + TimeSpan.FromHours(1) + TimeSpan.FromMinutes(3), cost: 1.5m, reason: "agent exited with code 1 after 40 turns"),
            Task(5, "6", "Email templates", TaskState.Cancelled, ["1"], started: TimeSpan.FromMinutes(3), finished: TimeSpan.FromMinutes(4), attempt: 1, cost: 0.2m, reason: "label removed by mona"),
            Task(6, "7", "Audit report", TaskState.Blocked, ["5"], reason: "task 5 (Migrate users) failed"),
            Task(7, "8", "Merge styles", TaskState.NeedsHuman, ["2"], "frontend", attempt: 1, started: TimeSpan.FromMinutes(5), finished: TimeSpan.FromSeconds(5 * 60 + 45), cost: 0.3m, reason: "merge conflict in src/app.css, src/theme.css"),
        ]);

    public static PlanSnapshot AllSucceeded() => new(
        Plan(PlanState.Succeeded) with { PullRequestNumber = 18 },
        [
            Task(0, "a", "Add the login API", TaskState.Succeeded, role: "backend", attempt: 1, started: TimeSpan.Zero, finished: TimeSpan.FromSeconds(45), cost: 0.04m, sha: "aaaaaaa1111111"),
            Task(1, "b", "Build the login page", TaskState.Succeeded, role: "frontend", attempt: 2, started: TimeSpan.Zero, finished: TimeSpan.FromSeconds(72), cost: 0.11m, sha: "bbbbbbb2222222"),
            Task(2, "c", "Document the login", TaskState.Succeeded, ["a", "b"], "docs", attempt: 1, started: TimeSpan.FromSeconds(80), finished: TimeSpan.FromMinutes(3), cost: 0.02m, sha: "not-a-sha"),
        ]);

    public static PlanSnapshot AwaitingApproval() => new(
        Plan(PlanState.AwaitingApproval),
        [Pending(0, "1"), Pending(1, "2", "1"), Pending(2, "3", "1")]);

    public static PlanSnapshot Planning() => new(Plan(PlanState.Planning), []);

    public static PlanSnapshot Hostile() => new(
        Plan(PlanState.Failed, HostileText, reason: "gave up: " + HostileText),
        [
            Task(0, "1", HostileText, TaskState.Failed, role: "coder`|", attempt: 1, started: TimeSpan.Zero, finished: TimeSpan.FromSeconds(9), cost: 0.01m, sha: "<b>", reason: HostileText),
            Task(1, "2", "end", TaskState.Blocked, ["1"], reason: "task 1 (" + HostileText + ") failed"),
        ]);

    /// <summary>A plan the issue's budget stopped: one task done, one stopped mid-run with work saved, one never started.</summary>
    public static PlanSnapshot BudgetSpent() => new(
        Plan(PlanState.Failed, reason: "2 of 3 tasks did not succeed"),
        [
            Task(0, "1", "Add the login API", TaskState.Succeeded, role: "backend", attempt: 1, started: TimeSpan.Zero, finished: TimeSpan.FromMinutes(2), cost: 3.1m, sha: "0123456789abcdef0123456789abcdef01234567"),
            Task(1, "2", "Build the login page", TaskState.Blocked, ["1"], "frontend", attempt: 1, started: TimeSpan.FromMinutes(2), finished: TimeSpan.FromMinutes(9), cost: 1.9m,
                reason: Core.Budgets.IssueBudgets.SpentReason(5m) + "; its work so far is on the branch gitbot/17-tasks/2-wip"),
            Task(2, "3", "Document it", TaskState.Blocked, ["2"], "docs", reason: Core.Budgets.IssueBudgets.SpentReason(5m)),
        ]);

    /// <summary>Far more than GitHub's body limit if nothing were cut.</summary>
    public static PlanSnapshot Huge() => new(
        Plan(PlanState.Failed),
        [.. Enumerable.Range(0, 400).Select(i =>
        {
            var id = "t" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task(i, id, "Refactor module " + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + new string('x', 180), i % 2 == 0 ? TaskState.Failed : TaskState.Succeeded, i == 0 ? [] : ["t0"], attempt: 1, started: TimeSpan.Zero, finished: TimeSpan.FromSeconds(i), cost: 0.01m, sha: "abcdef0123456789", reason: "failed: " + new string('y', 600));
        })]);
}
