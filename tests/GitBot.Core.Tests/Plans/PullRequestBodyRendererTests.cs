using GitBot.Core.Plans.Rendering;
using static GitBot.Core.Tests.Plans.RendererScenarios;

namespace GitBot.Core.Tests.Plans;

public sealed class PullRequestBodyRendererTests
{
    [Fact]
    public void Marker_is_a_hidden_html_comment_with_the_plan_id()
    {
        Assert.Equal("<!-- gitbot:pr:42 -->", PullRequestBodyRenderer.Marker(42));
    }

    [Fact]
    public void All_succeeded() =>
        Golden.AssertMatches("pr-body.md", PullRequestBodyRenderer.Render(AllSucceeded(), Context));

    [Fact]
    public void Hostile_text_cannot_break_the_table_or_close_issues() =>
        Golden.AssertMatches("pr-body-hostile.md", PullRequestBodyRenderer.Render(Hostile(), Context));

    [Fact]
    public void Only_the_plan_issue_is_closed()
    {
        var body = PullRequestBodyRenderer.Render(Hostile(), Context);

        // The only issue references GitHub can see are the plan's own issue: the title's "fixes #1" is defused.
        Assert.Equal(["#17", "#17"], System.Text.RegularExpressions.Regex.Matches(body, "(?<!&)#[0-9]+").Select(m => m.Value));
        Assert.Contains("\nCloses #17\n", body, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeToken, body, StringComparison.Ordinal);
        Assert.All(
            body.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)),
            row => Assert.Equal(7, row.Replace("\\|", string.Empty, StringComparison.Ordinal).Count(c => c == '|')));
    }

    [Fact]
    public void Huge_plan_fits_and_keeps_the_total()
    {
        var body = PullRequestBodyRenderer.Render(Huge(), Context);

        Assert.True(body.Length < 65_536, $"{body.Length} characters");
        Assert.Contains("**Total cost:** $4.00", body, StringComparison.Ordinal);
        Assert.Contains("more not shown", body, StringComparison.Ordinal);
        Assert.StartsWith("<!-- gitbot:pr:42 -->\n", body, StringComparison.Ordinal);
    }
}
