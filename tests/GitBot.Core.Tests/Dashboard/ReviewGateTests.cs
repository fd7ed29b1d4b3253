using GitBot.Core.Dashboard;

namespace GitBot.Core.Tests.Dashboard;

public sealed class ReviewGateTests
{
    private static ReviewCheck C(string status, string? conclusion) => new("security", "abc", status, conclusion, null, DateTimeOffset.UnixEpoch);

    [Fact]
    public void No_checks_is_pending() => Assert.Equal(GateStatus.Pending, ReviewGate.Derive([]));

    [Fact]
    public void All_completed_and_passing_is_success() =>
        Assert.Equal(GateStatus.Success, ReviewGate.Derive([C("completed", "success"), C("completed", "neutral")]));

    [Fact]
    public void An_unfinished_check_keeps_it_pending() =>
        Assert.Equal(GateStatus.Pending, ReviewGate.Derive([C("completed", "success"), C("in_progress", null)]));

    [Fact]
    public void A_failed_check_fails_it_even_while_others_run() =>
        Assert.Equal(GateStatus.Failure, ReviewGate.Derive([C("queued", null), C("completed", "failure")]));
}
