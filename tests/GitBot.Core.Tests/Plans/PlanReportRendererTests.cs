using GitBot.Core.Plans.Rendering;
using static GitBot.Core.Tests.Plans.RendererScenarios;

namespace GitBot.Core.Tests.Plans;

public sealed class PlanReportRendererTests
{
    [Fact]
    public void Marker_is_a_hidden_html_comment_with_the_plan_id()
    {
        Assert.Equal("<!-- gitbot:report:42 -->", PlanReportRenderer.Marker(42));
    }

    [Fact]
    public void Failure_with_all_states() =>
        Golden.AssertMatches("report-failure.md", PlanReportRenderer.RenderFailure(AllStates() with { Plan = AllStates().Plan with { State = Core.Plans.PlanState.Failed, Reason = "task 5 failed" } }, Context));

    [Fact]
    public void Failure_at_the_budget_says_how_to_continue() =>
        Golden.AssertMatches("report-failure-budget.md", PlanReportRenderer.RenderFailure(BudgetSpent(), Context));

    [Fact]
    public void Failure_without_a_budget_stop_does_not_mention_the_budget()
    {
        var body = PlanReportRenderer.RenderFailure(AllStates() with { Plan = AllStates().Plan with { State = Core.Plans.PlanState.Failed } }, Context);

        Assert.DoesNotContain("/agent budget", body, StringComparison.Ordinal);
        Assert.DoesNotContain("budget is spent", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Failure_with_hostile_text() =>
        Golden.AssertMatches("report-failure-hostile.md", PlanReportRenderer.RenderFailure(Hostile(), Context));

    [Fact]
    public void Planning_failed() =>
        Golden.AssertMatches(
            "report-planning-failed.md",
            PlanReportRenderer.RenderPlanningFailed(
                PlanFixtures.Plan(Core.Plans.PlanState.Failed),
                ["cycle: 1 → 3 → 1", "task 2 has the unknown role \"designer\"; known roles: backend, coder", "tasks[0].title must be a string", HostileText]));

    [Fact]
    public void Huge_failure_fits_and_keeps_the_branch_note()
    {
        var body = PlanReportRenderer.RenderFailure(Huge(), Context);

        Assert.True(body.Length < 65_536, $"{body.Length} characters");
        Assert.Contains("more not shown", body, StringComparison.Ordinal);
        Assert.Contains("The branch `gitbot/17` keeps the work done", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_problems_are_capped()
    {
        var problems = Enumerable.Range(0, 80).Select(i => "problem " + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var body = PlanReportRenderer.RenderPlanningFailed(PlanFixtures.Plan(), problems);

        Assert.Contains("- problem 49\n", body, StringComparison.Ordinal);
        Assert.DoesNotContain("problem 50", body, StringComparison.Ordinal);
        Assert.Contains("- _… and 30 more_", body, StringComparison.Ordinal);
    }
}
