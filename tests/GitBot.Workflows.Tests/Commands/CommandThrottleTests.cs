using GitBot.Workflows.Commands;
using Microsoft.Extensions.Options;

namespace GitBot.Workflows.Tests.Commands;

/// <summary>The per-issue burst limit of <c>/agent</c> commands, on a clock the test moves.</summary>
public sealed class CommandThrottleTests
{
    private const string Repo = "octo/widgets";

    [Fact]
    public void The_limit_is_let_through_then_exactly_one_notice_then_silence()
    {
        var throttle = Throttle(new ManualClock(), limit: 3);

        var decisions = Enumerable.Range(0, 100).Select(_ => throttle.Admit(Repo, 7)).ToList();

        Assert.Equal(3, decisions.Count(d => d == CommandThrottleDecision.Allowed));
        Assert.Equal(1, decisions.Count(d => d == CommandThrottleDecision.Notice));
        Assert.Equal(96, decisions.Count(d => d == CommandThrottleDecision.Silent));
        Assert.Equal([CommandThrottleDecision.Allowed, CommandThrottleDecision.Allowed, CommandThrottleDecision.Allowed, CommandThrottleDecision.Notice],
            decisions.Take(4));
    }

    [Fact]
    public void A_new_window_lets_commands_through_again_and_can_give_a_new_notice()
    {
        var clock = new ManualClock();
        var throttle = Throttle(clock, limit: 2);
        throttle.Admit(Repo, 7);
        throttle.Admit(Repo, 7);
        Assert.Equal(CommandThrottleDecision.Notice, throttle.Admit(Repo, 7));

        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(CommandThrottleDecision.Silent, throttle.Admit(Repo, 7));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(CommandThrottleDecision.Allowed, throttle.Admit(Repo, 7));
        Assert.Equal(CommandThrottleDecision.Allowed, throttle.Admit(Repo, 7));
        Assert.Equal(CommandThrottleDecision.Notice, throttle.Admit(Repo, 7));
        Assert.Equal(CommandThrottleDecision.Silent, throttle.Admit(Repo, 7));
    }

    [Fact]
    public void Each_issue_and_repository_has_its_own_count()
    {
        var throttle = Throttle(new ManualClock(), limit: 1);
        Assert.Equal(CommandThrottleDecision.Allowed, throttle.Admit(Repo, 7));
        Assert.Equal(CommandThrottleDecision.Notice, throttle.Admit(Repo, 7));

        Assert.Equal(CommandThrottleDecision.Allowed, throttle.Admit(Repo, 8));
        Assert.Equal(CommandThrottleDecision.Allowed, throttle.Admit("octo/gadgets", 7));
        Assert.Equal(CommandThrottleDecision.Notice, throttle.Admit(Repo, 8));
        Assert.Equal(CommandThrottleDecision.Silent, throttle.Admit("OCTO/Widgets", 7)); // GitHub names ignore case
    }

    [Fact]
    public void The_window_length_is_a_setting()
    {
        var clock = new ManualClock();
        var throttle = Throttle(clock, limit: 1, window: TimeSpan.FromSeconds(10));
        throttle.Admit(Repo, 7);
        Assert.Equal(CommandThrottleDecision.Notice, throttle.Admit(Repo, 7));

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(CommandThrottleDecision.Allowed, throttle.Admit(Repo, 7));
    }

    [Fact]
    public void Ended_windows_are_dropped_when_many_issues_are_tracked_and_counting_stays_right()
    {
        var clock = new ManualClock();
        var throttle = Throttle(clock, limit: 1);
        for (var number = 1; number <= 2000; number++)
        {
            Assert.Equal(CommandThrottleDecision.Allowed, throttle.Admit(Repo, number));
        }

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(CommandThrottleDecision.Allowed, throttle.Admit(Repo, 1));
        Assert.Equal(CommandThrottleDecision.Notice, throttle.Admit(Repo, 1));
    }

    [Fact]
    public void The_notice_names_the_issue()
    {
        Assert.Equal("Too many commands on #12: the next ones in the coming minute are ignored; try again later.", CommandThrottle.Notice(12));
    }

    private static CommandThrottle Throttle(TimeProvider clock, int limit, TimeSpan? window = null)
    {
        var options = new CommandOptions { BurstLimit = limit };
        if (window is { } length)
        {
            options.BurstWindow = length;
        }

        return new CommandThrottle(clock, Options.Create(options));
    }

    /// <summary>A clock that stands still until the test moves it.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
