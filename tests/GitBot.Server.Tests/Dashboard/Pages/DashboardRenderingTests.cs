using GitBot.Core.Dashboard;
using GitBot.Core.Plans;
using GitBot.Core.Runs;
using GitBot.Server.Dashboard.Pages;

namespace GitBot.Server.Tests.Dashboard.Pages;

/// <summary>The pure renderers: encoding, accessibility hooks, formatting.</summary>
public sealed class DashboardRenderingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_data_value_is_encoded_in_the_issue_page()
    {
        const string Evil = "<script>alert(1)</script>\"'&";
        var plan = new PlanRecord(5, 1, "o/r", 3, Evil, PlanState.Running, 2, "agent", "a", "main", "u", "", null, 9, Evil, Now, Now);
        var task = new TaskRecord(5, 0, new PlannedTask("x\"><b>", Evil, Evil, "i", [], []), TaskState.NeedsHuman, 1, null, null, 0m, null, null, null, null);
        var run = new AgentRunRecord(
            7, new AgentRunSubject("o/r", AgentRunKind.Task, 3, null, 5, Evil), Evil, Evil, Evil, null, Evil, 1, 2, 3, 4, 0.5m, Evil, Now.AddMinutes(-3), null);
        var check = new ReviewCheck(Evil, "abc", "completed", Evil, Evil, Now);
        var detail = new IssueDetail("o/r", 3, new PlanSnapshot(plan, [task]), [run], [check], GateStatus.Failure);

        var html = IssuePage.Render("viewer<1>", detail, Now);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("viewer&lt;1&gt;", html, StringComparison.Ordinal);
        Assert.Contains("data-state=\"NeedsHuman\"", html, StringComparison.Ordinal);
        Assert.Contains("needs human", html, StringComparison.Ordinal);
        Assert.Contains("3m 00s", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_layout_has_a_viewport_a_skip_link_landmarks_scoped_headers_and_a_legend_of_every_state()
    {
        var plan = new PlanRecord(5, 1, "o/r", 3, "t", PlanState.Running, 2, "agent", "a", "main", "u", "", null, null, null, Now, Now);
        var tasks = new[]
        {
            new TaskRecord(5, 0, new PlannedTask("A", "first", "backend", "i", [], []), TaskState.Succeeded, 1, null, null, 0m, null, null, null, null),
            new TaskRecord(5, 1, new PlannedTask("B", "second", "backend", "i", ["A"], []), TaskState.Running, 1, null, null, 0m, null, null, null, null),
        };
        var html = IssuePage.Render("admin", new IssueDetail("o/r", 3, new PlanSnapshot(plan, tasks), [], [], GateStatus.Pending), Now);

        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"skip\" href=\"#main\">", html, StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\"", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Task</th>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<th>", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Task graph of plan 5: 2 tasks, 1 running, 1 succeeded\"", html, StringComparison.Ordinal);
        Assert.Contains("marker-end=\"url(#arrow)\"", html, StringComparison.Ordinal);
        Assert.Contains("<title>Task B: second (running, role backend)</title>", html, StringComparison.Ordinal);
        foreach (var state in Enum.GetValues<TaskState>())
        {
            Assert.Contains($"<span class=\"swatch state-{state}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("<p id=\"gate\" data-gate=\"pending\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Cost_charts_have_a_titled_bar_per_point_and_a_data_table()
    {
        var html = CostChartSvg.Render("cost-per-role", "Cost per role", "Role", [new CostPoint("backend", 2m), new CostPoint("planner", 0.5m)]);

        Assert.StartsWith("<figure id=\"cost-per-role\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>backend: $2.00</title>", html, StringComparison.Ordinal);
        Assert.Contains("<title>planner: $0.50</title>", html, StringComparison.Ordinal);
        Assert.Contains("width=\"300\"", html, StringComparison.Ordinal);
        Assert.Contains("width=\"75\"", html, StringComparison.Ordinal);
        Assert.Contains("<table id=\"cost-per-role-data\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.5, "$1.50")]
    [InlineData(0.0012, "$0.0012")]
    [InlineData(1234.5, "$1,234.50")]
    public void Money_is_formatted_invariantly(double value, string expected) =>
        Assert.Equal(expected, DashboardFormat.Money((decimal)value));

    [Fact]
    public void Durations_and_counts_are_formatted_invariantly()
    {
        Assert.Equal("45s", DashboardFormat.Duration(TimeSpan.FromSeconds(45)));
        Assert.Equal("3m 05s", DashboardFormat.Duration(TimeSpan.FromSeconds(185)));
        Assert.Equal("2h 07m", DashboardFormat.Duration(TimeSpan.FromMinutes(127)));
        Assert.Equal("0s", DashboardFormat.Duration(TimeSpan.FromSeconds(-5)));
        Assert.Equal("1,234,567", DashboardFormat.Count(1_234_567));
    }

    [Fact]
    public void The_sign_in_page_has_the_link_and_no_data() =>
        Assert.Contains("<a id=\"sign-in\" href=\"/auth/login\">Sign in with GitHub</a>", HomePage.SignIn(), StringComparison.Ordinal);
}
