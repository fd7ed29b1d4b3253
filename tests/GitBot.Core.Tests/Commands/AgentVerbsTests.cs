using GitBot.Core.Commands;

namespace GitBot.Core.Tests.Commands;

public sealed class AgentVerbsTests
{
    [Fact]
    public void All_lists_every_verb_once()
    {
        Assert.Equal(Enum.GetValues<AgentVerb>().Order(), AgentVerbs.All.Order());
        Assert.Equal(AgentVerbs.All.Count, AgentVerbs.All.Distinct().Count());
    }

    [Fact]
    public void Names_round_trip_in_any_case()
    {
        foreach (var verb in AgentVerbs.All)
        {
            var name = AgentVerbs.Name(verb);
            Assert.Equal(name.ToLowerInvariant(), name);
            Assert.True(AgentVerbs.TryParse(name, out var parsed));
            Assert.Equal(verb, parsed);
            Assert.True(AgentVerbs.TryParse(name.ToUpperInvariant(), out parsed));
            Assert.Equal(verb, parsed);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("deploy")]
    [InlineData("merge ")]
    [InlineData("mer\u200Bge")]
    [InlineData("/agent")]
    public void Unknown_names_do_not_parse(string? name)
    {
        Assert.False(AgentVerbs.TryParse(name, out var verb));
        Assert.Equal(default, verb);
    }

    [Fact]
    public void Only_help_and_status_are_open_to_all()
    {
        Assert.Equal([AgentVerb.Help, AgentVerb.Status], AgentVerbs.All.Where(AgentVerbs.OpenToAll));
    }

    public static TheoryData<AgentVerb, string> Usages => new()
    {
        { AgentVerb.Help, "`/agent help`" },
        { AgentVerb.Status, "`/agent status`" },
        { AgentVerb.Plan, "`/agent plan`" },
        { AgentVerb.Approve, "`/agent approve`" },
        { AgentVerb.Retry, "`/agent retry [task]`" },
        { AgentVerb.Fix, "`/agent fix <instructions>`" },
        { AgentVerb.Review, "`/agent review [security|tests|judge]`" },
        { AgentVerb.Rebase, "`/agent rebase`" },
        { AgentVerb.Cancel, "`/agent cancel`" },
        { AgentVerb.Merge, "`/agent merge`" },
        { AgentVerb.Budget, "`/agent budget <usd>`" },
    };

    [Theory]
    [MemberData(nameof(Usages))]
    public void Usage_is_inline_code(AgentVerb verb, string usage)
    {
        Assert.Equal(usage, AgentVerbs.Usage(verb));
    }

    [Fact]
    public void Every_verb_has_a_one_sentence_description()
    {
        foreach (var verb in AgentVerbs.All)
        {
            var description = AgentVerbs.Description(verb);
            Assert.EndsWith(".", description, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', description);
        }

        Assert.Equal(AgentVerbs.All.Count, AgentVerbs.All.Select(AgentVerbs.Description).Distinct().Count());
    }

    [Fact]
    public void An_undefined_verb_is_a_bug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AgentVerbs.Name((AgentVerb)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => AgentVerbs.Description((AgentVerb)99));
    }
}
