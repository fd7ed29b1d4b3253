using GitBot.Core.Reviews.Gate;

namespace GitBot.Core.Tests.Reviews.Gate;

public sealed class GateRecordTests
{
    [Fact]
    public void The_summary_is_the_missing_lines_or_the_title_when_green()
    {
        var pending = new GateDecision(false, GateConclusion.Pending, "Waiting: 2 things", "## long markdown",
            ["needs 1 more approval", "gitbot/tests has not reported"]);
        var green = new GateDecision(true, GateConclusion.Success, "Ready to merge", "## long markdown", []);

        Assert.Equal("needs 1 more approval\ngitbot/tests has not reported", GateRecord.SummaryOf(pending));
        Assert.Equal("Ready to merge", GateRecord.SummaryOf(green));
    }

    [Fact]
    public void The_summary_is_scrubbed_and_cut_to_the_limit()
    {
        const string Token = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";
        var decision = new GateDecision(false, GateConclusion.Failure, "Blocked", "", ["token " + Token, new string('x', 3000)]);

        var summary = GateRecord.SummaryOf(decision);

        Assert.DoesNotContain(Token, summary, StringComparison.Ordinal);
        Assert.Equal(GateRecord.MaxSummaryChars, summary.Length);
        Assert.EndsWith("…", summary, StringComparison.Ordinal);
        Assert.Equal("short", GateRecord.Clean("short"));
    }
}
