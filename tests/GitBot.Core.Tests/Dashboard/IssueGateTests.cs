using GitBot.Core.Dashboard;
using GitBot.Core.Reviews.Gate;

namespace GitBot.Core.Tests.Dashboard;

public sealed class IssueGateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static GateRecord Stored(string head, DateTimeOffset at) => new("o/r", 4, head, GateConclusion.Pending, "1 more approval", at);

    private static ReviewCheck Check(string head, DateTimeOffset at) => new("tests", head, "completed", "success", null, at);

    [Fact]
    public void The_stored_gate_is_used_without_checks_or_when_it_is_for_the_checks_head()
    {
        var stored = Stored("aaa", T0);
        Assert.Same(stored, IssueGate.Current(stored, []));
        Assert.Same(stored, IssueGate.Current(stored, [Check("AAA", T0.AddMinutes(5))]));
        Assert.Null(IssueGate.Current(null, [Check("aaa", T0)]));
    }

    [Fact]
    public void A_stored_gate_older_than_checks_of_another_head_is_stale_but_a_newer_one_is_not()
    {
        Assert.Null(IssueGate.Current(Stored("aaa", T0), [Check("aaa", T0.AddMinutes(-1)), Check("bbb", T0.AddMinutes(1))]));
        Assert.NotNull(IssueGate.Current(Stored("bbb", T0.AddMinutes(2)), [Check("aaa", T0.AddMinutes(1))]));
    }

    [Theory]
    [InlineData(GateConclusion.Success, GateStatus.Success)]
    [InlineData(GateConclusion.Failure, GateStatus.Failure)]
    [InlineData(GateConclusion.Pending, GateStatus.Pending)]
    public void Conclusions_map_to_the_page_status(GateConclusion conclusion, GateStatus status) =>
        Assert.Equal(status, IssueGate.StatusOf(conclusion));
}
