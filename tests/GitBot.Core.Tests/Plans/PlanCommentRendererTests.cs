using GitBot.Core.Plans;
using GitBot.Core.Plans.Rendering;
using static GitBot.Core.Tests.Plans.RendererScenarios;

namespace GitBot.Core.Tests.Plans;

public sealed class PlanCommentRendererTests
{
    [Fact]
    public void Marker_is_a_hidden_html_comment_with_the_plan_id()
    {
        Assert.Equal("<!-- gitbot:plan:42 -->", PlanCommentRenderer.Marker(42));
    }

    [Fact]
    public void All_task_states() =>
        Golden.AssertMatches("plan-comment-all-states.md", PlanCommentRenderer.Render(AllStates(), Context));

    [Fact]
    public void Awaiting_approval_without_log_links() =>
        Golden.AssertMatches("plan-comment-awaiting-approval.md", PlanCommentRenderer.Render(AwaitingApproval(), Context with { LogBaseUrl = null }));

    [Fact]
    public void Planning_with_no_tasks_yet() =>
        Golden.AssertMatches("plan-comment-planning.md", PlanCommentRenderer.Render(Planning(), Context));

    [Fact]
    public void Hostile_text_is_inert() =>
        Golden.AssertMatches("plan-comment-hostile.md", PlanCommentRenderer.Render(Hostile(), Context));

    [Fact]
    public void Huge_plan_is_cut_to_fit() =>
        Golden.AssertMatches("plan-comment-huge.md", PlanCommentRenderer.Render(Huge(), Context));

    [Fact]
    public void Every_comment_starts_with_its_marker_and_fits_github()
    {
        foreach (var snapshot in new[] { AllStates(), AwaitingApproval(), Planning(), Hostile(), Huge() })
        {
            var body = PlanCommentRenderer.Render(snapshot, Context);

            Assert.StartsWith(PlanCommentRenderer.Marker(42) + "\n", body, StringComparison.Ordinal);
            Assert.True(body.Length < 65_536, $"{body.Length} characters");
        }
    }

    [Fact]
    public void Huge_plan_keeps_the_totals_and_says_what_was_left_out()
    {
        var body = PlanCommentRenderer.Render(Huge(), Context);

        Assert.DoesNotContain("```mermaid", body, StringComparison.Ordinal);
        Assert.Contains("_The graph is left out", body, StringComparison.Ordinal);
        Assert.Contains("more not shown: GitHub limits a body to 65,536 characters._", body, StringComparison.Ordinal);
        Assert.Contains("**Total cost:** $4.00", body, StringComparison.Ordinal);
        Assert.Contains("**t0**", body, StringComparison.Ordinal);
        Assert.DoesNotContain("**t399**", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_text_leaks_no_html_token_or_mention()
    {
        var body = PlanCommentRenderer.Render(Hostile(), Context);
        var outsideMarker = body[(body.IndexOf('\n', StringComparison.Ordinal) + 1)..];

        Assert.DoesNotContain(FakeToken, body, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--", outsideMarker, StringComparison.Ordinal);
        Assert.DoesNotContain("@admin", body, StringComparison.Ordinal);
        Assert.DoesNotContain("#1 ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\nnew line", body, StringComparison.Ordinal);
        Assert.Equal(2, body.Split("```", StringSplitOptions.None).Length - 1);
    }

    [Theory]
    [InlineData(44, "44s")]
    [InlineData(65, "1m 5s")]
    [InlineData(3599, "59m 59s")]
    [InlineData(3780, "1h 3m")]
    [InlineData(-5, "0s")]
    public void Running_tasks_show_how_long_they_have_run(int seconds, string shown)
    {
        var task = PlanFixtures.Task(0, "1", "One", TaskState.Running, attempt: 1, started: TimeSpan.Zero);
        var body = PlanCommentRenderer.Render(new PlanSnapshot(PlanFixtures.Plan(), [task]), Context with { Now = PlanFixtures.T0.AddSeconds(seconds) });

        Assert.Contains("🔄 running for " + shown + " · $0.00", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncation_never_splits_an_emoji()
    {
        var title = new string('a', 199) + "😀 and more";
        var task = PlanFixtures.Task(0, "1", new string('b', 59) + "😀 tail", TaskState.Pending);

        var body = PlanCommentRenderer.Render(new PlanSnapshot(PlanFixtures.Plan(title: title), [task]), Context);

        Assert.Contains(new string('a', 199) + "…", body, StringComparison.Ordinal);
        Assert.Contains("\"1: " + new string('b', 57) + "…\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', body);
        Assert.True(body.Where(char.IsSurrogate).Count() % 2 == 0 && !body.Where((c, i) => char.IsHighSurrogate(c) && (i + 1 >= body.Length || !char.IsLowSurrogate(body[i + 1]))).Any());
    }
}
