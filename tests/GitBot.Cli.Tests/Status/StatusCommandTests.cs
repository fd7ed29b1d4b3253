using System.Text.Json;

namespace GitBot.Cli.Tests.Status;

public sealed class StatusCommandTests
{
    [Fact]
    public async Task Status_without_arguments_lists_each_repository_with_plans_by_state_running_tasks_and_cost()
    {
        using var db = await StatusDatabase.CreateAsync();

        var (exitCode, output) = await db.RunAsync();

        Assert.True(exitCode == 0, output);
        var widgets = Line(output, "octo/widgets");
        Assert.Contains("1 failed, 1 running, 1 succeeded", widgets, StringComparison.Ordinal);
        // Issue 7: the failed plan's $0.50, api $1.25, ui $0.10 and the $0.40 fix; issue 9: $2.00.
        Assert.Contains("$4.25", widgets, StringComparison.Ordinal);
        Assert.Matches(@"│\s+1\s+│", widgets);
        var api = Line(output, "acme/api");
        Assert.Contains("1 awaiting-approval", api, StringComparison.Ordinal);
        Assert.Contains("$0.00", api, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_of_a_repository_lists_its_issues_with_the_newest_plan()
    {
        using var db = await StatusDatabase.CreateAsync();

        var (exitCode, output) = await db.RunAsync("octo/widgets");

        Assert.True(exitCode == 0, output);
        var seven = Line(output, "#7 ");
        Assert.Contains("Add a widget API", seven, StringComparison.Ordinal);
        Assert.Contains("running", seven, StringComparison.Ordinal);
        Assert.Contains("1/3", seven, StringComparison.Ordinal);
        Assert.Contains("$2.25", seven, StringComparison.Ordinal);
        Assert.Contains("#42", seven, StringComparison.Ordinal);
        var nine = Line(output, "#9 ");
        Assert.Contains("succeeded", nine, StringComparison.Ordinal);
        Assert.Contains("1/1", nine, StringComparison.Ordinal);
        Assert.Contains("$2.00", nine, StringComparison.Ordinal);
        Assert.Contains("#50", nine, StringComparison.Ordinal);
        Assert.DoesNotContain("acme/api", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_of_an_issue_shows_the_newest_plan_as_a_tree_with_runs_and_total()
    {
        using var db = await StatusDatabase.CreateAsync();

        var (exitCode, output) = await db.RunAsync("octo/widgets", "7");

        Assert.True(exitCode == 0, output);
        Assert.Contains("octo/widgets#7 Add a widget API: running", output, StringComparison.Ordinal);
        var api = Line(output, "api Task api");
        Assert.Contains("(backend) succeeded", api, StringComparison.Ordinal);
        Assert.Contains("attempt 1 on node-a · 90.0 s · $1.25", api, StringComparison.Ordinal);
        var ui = Line(output, "ui Task ui");
        Assert.Contains("running", ui, StringComparison.Ordinal);
        Assert.Contains("attempt 2 on node-b", ui, StringComparison.Ordinal);
        var docs = Line(output, "docs Task docs");
        Assert.Contains("blocked after api, ui", docs, StringComparison.Ordinal);
        Assert.Contains("waits for ui", docs, StringComparison.Ordinal);
        // Each task hangs under its last dependency: api at the root, ui under api, docs under ui.
        Assert.True(api.IndexOf("api", StringComparison.Ordinal) < ui.IndexOf("ui Task", StringComparison.Ordinal), output);
        Assert.True(ui.IndexOf("ui Task", StringComparison.Ordinal) < docs.IndexOf("docs Task", StringComparison.Ordinal), output);
        Assert.DoesNotContain("tests failed", output, StringComparison.Ordinal);
        var run = Line(output, "0123456789");
        Assert.Contains("node-a", run, StringComparison.Ordinal);
        Assert.Contains("2026-11-22 12:00:00", run, StringComparison.Ordinal);
        Assert.Contains("/var/log/gitbot/api.log", run, StringComparison.Ordinal);
        Assert.Contains("Total: $2.25 (tasks $1.35, other agent runs $0.90) · pull request #42", output, StringComparison.Ordinal);
        // The agent runs table: each run with agent, task, node, state, duration, turns, tokens, cost and exit reason.
        var apiRun = Line(output, "task backend │ api #1");
        Assert.Contains("node-a", apiRun, StringComparison.Ordinal);
        Assert.Contains("succeeded", apiRun, StringComparison.Ordinal);
        Assert.Contains("90.0 s", apiRun, StringComparison.Ordinal);
        Assert.Contains("34000/5600", apiRun, StringComparison.Ordinal);
        Assert.Contains("Added the API.", apiRun, StringComparison.Ordinal);
        Assert.Contains("running", Line(output, "task backend │ ui #2"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_json_prints_the_same_data_for_each_view()
    {
        using var db = await StatusDatabase.CreateAsync();

        var (allExit, all) = await db.RunAsync("--json");
        var (repoExit, repo) = await db.RunAsync("octo/widgets", "--json");
        var (planExit, plan) = await db.RunAsync("octo/widgets", "7", "--json");

        Assert.Equal([0, 0, 0], new[] { allExit, repoExit, planExit });
        using var allJson = JsonDocument.Parse(all);
        var widgets = allJson.RootElement.EnumerateArray().Single(r => r.GetProperty("repository").GetString() == "octo/widgets");
        Assert.Equal(4.25m, widgets.GetProperty("costUsd").GetDecimal());
        Assert.Equal(1, widgets.GetProperty("runningTasks").GetInt32());
        Assert.Equal(1, widgets.GetProperty("plans").GetProperty("failed").GetInt32());
        using var repoJson = JsonDocument.Parse(repo);
        Assert.Equal([7, 9], repoJson.RootElement.EnumerateArray().Select(i => i.GetProperty("issue").GetInt32()));
        Assert.Equal(42, repoJson.RootElement[0].GetProperty("pullRequest").GetInt32());
        using var planJson = JsonDocument.Parse(plan);
        var tasks = planJson.RootElement.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(["api", "ui", "docs"], tasks.Select(t => t.GetProperty("id").GetString()));
        Assert.Equal(["succeeded", "running", "blocked"], tasks.Select(t => t.GetProperty("state").GetString()));
        Assert.Equal(90.0, tasks[0].GetProperty("durationSeconds").GetDouble());
        Assert.Equal(2.25m, planJson.RootElement.GetProperty("totalCostUsd").GetDecimal());
        var runs = planJson.RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(["ui", "api"], runs.Select(r => r.GetProperty("taskId").GetString()));
        Assert.Equal(["running", "succeeded"], runs.Select(r => r.GetProperty("state").GetString()));
        Assert.Equal(12, runs[1].GetProperty("turns").GetInt32());
    }

    [Fact]
    public async Task Status_of_an_unknown_repository_or_issue_fails_with_a_message()
    {
        using var db = await StatusDatabase.CreateAsync();

        var (repoExit, repo) = await db.RunAsync("octo/nothing");
        var (issueExit, issue) = await db.RunAsync("octo/widgets", "8");

        Assert.Equal(1, repoExit);
        Assert.Contains("no plans for repository 'octo/nothing'", repo, StringComparison.Ordinal);
        Assert.Equal(1, issueExit);
        Assert.Contains("no plan for octo/widgets#8", issue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_on_a_database_GitBot_never_used_says_there_are_no_plans()
    {
        using var db = await StatusDatabase.CreateAsync(seed: false);

        var (allExit, all) = await db.RunAsync();
        var (issueExit, issue) = await db.RunAsync("octo/widgets", "7");

        Assert.Equal(0, allExit);
        Assert.Contains("No plans yet.", all, StringComparison.Ordinal);
        Assert.Equal(1, issueExit);
        Assert.Contains("no plan for octo/widgets#7", issue, StringComparison.Ordinal);
    }

    private static string Line(string output, string containing) =>
        output.Split('\n').FirstOrDefault(l => l.Contains(containing, StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"no line contains '{containing}' in:\n{output}");
}
