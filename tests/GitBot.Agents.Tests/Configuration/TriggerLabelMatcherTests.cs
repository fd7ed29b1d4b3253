using GitBot.Agents.Configuration;

namespace GitBot.Agents.Tests.Configuration;

public sealed class TriggerLabelMatcherTests
{
    [Theory]
    [InlineData("agent", "agent", null)]
    [InlineData("Agent", "agent", null)]
    [InlineData("agent:backend", "agent", "backend")]
    [InlineData("AGENT:Backend", "agent", "backend")]
    [InlineData("agent: docs", "agent", "docs")]
    [InlineData("gitbot please:db-migrations", "gitbot please", "db-migrations")]
    public void Trigger_labels_match_with_an_optional_pinned_role(string label, string trigger, string? role)
    {
        var match = TriggerLabelMatcher.Match(label, trigger);

        Assert.NotNull(match);
        Assert.Equal(label, match.Label);
        Assert.Equal(role, match.PinnedRole);
    }

    [Theory]
    [InlineData("bug", "agent")]
    [InlineData("agents", "agent")]
    [InlineData("agent-backend", "agent")]
    [InlineData("agent:", "agent")]
    [InlineData("agent:back end", "agent")]
    [InlineData("agent:a:b", "agent")]
    [InlineData("my-agent", "agent")]
    [InlineData("", "agent")]
    [InlineData("agent", "")]
    public void Other_labels_do_not_match(string label, string trigger)
    {
        Assert.Null(TriggerLabelMatcher.Match(label, trigger));
    }
}
