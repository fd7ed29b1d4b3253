using GitBot.Core.Commands;

namespace GitBot.Core.Tests.Commands;

/// <summary>The caps: body length, number of entries, instruction length.</summary>
public sealed class AgentCommandParserLimitTests
{
    private const int Max = AgentCommandParser.MaxBodyChars;

    [Fact]
    public void At_most_twenty_commands_are_returned_in_order()
    {
        var body = string.Join('\n', Enumerable.Range(1, 25).Select(i => $"/agent retry t{i}"));

        var parse = AgentCommandParser.Parse(body);

        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"t{i}"), parse.Commands.Select(c => c.Task));
        Assert.Empty(parse.Problems);
    }

    [Fact]
    public void Problems_count_towards_the_cap()
    {
        var lines = Enumerable.Range(1, 30).Select(i => i % 2 == 0 ? "/agent merge" : "/agent nope");

        var parse = AgentCommandParser.Parse(string.Join("\r\n", lines));

        Assert.Equal(10, parse.Commands.Count);
        Assert.Equal(10, parse.Problems.Count);
        Assert.Equal(AgentCommandParser.MaxEntries, parse.Commands.Count + parse.Problems.Count);
    }

    [Fact]
    public void Lines_that_are_not_commands_do_not_count()
    {
        var body = string.Concat(Enumerable.Repeat("> /agent merge\n\n\u200B/agent merge\ntext\n\n", 100)) + "/agent status";

        Assert.Equal(["status"], Described.Parse(body));
    }

    [Fact]
    public void A_command_after_the_first_64_KB_is_ignored()
    {
        var body = new string('x', Max) + "\n/agent merge";

        Assert.True(AgentCommandParser.Parse(body).IsEmpty);
        Assert.Equal(["merge"], Described.Parse(new string('x', Max - 14) + "\n/agent merge"));
    }

    [Fact]
    public void A_line_the_cap_cuts_is_dropped_not_read_short()
    {
        // Within the cap the last line reads "/agent budget 1"; the whole line says 1000.
        var body = new string('x', Max - 16) + "\n/agent budget 1000";
        Assert.Equal("/agent budget 1", body[(Max - 15)..Max]);

        Assert.True(AgentCommandParser.Parse(body).IsEmpty);
    }

    [Fact]
    public void A_line_that_ends_exactly_at_the_cap_is_read()
    {
        var prefix = new string('x', Max - 13) + "\n";
        Assert.Equal(Max, (prefix + "/agent merge").Length);

        Assert.Equal(["merge"], Described.Parse(prefix + "/agent merge"));
        Assert.Equal(["merge"], Described.Parse(prefix + "/agent merge\nmore text"));
        Assert.Equal(["merge"], Described.Parse(prefix + "/agent merge\r\nmore text"));
    }

    [Fact]
    public void Fix_instructions_that_run_past_the_cap_are_refused()
    {
        var body = new string('x', Max - 100) + "\n\n/agent fix do this\n" + string.Concat(Enumerable.Repeat("and this\n", 20));

        Assert.Equal(
            ["! `/agent fix` has instructions that run past the first 65536 characters of the comment, where reading stops: use `/agent fix <instructions>`."],
            Described.Parse(body));
    }

    [Fact]
    public void Fix_instructions_are_capped()
    {
        var longest = "/agent fix " + new string('a', AgentCommandParser.MaxInstructionsChars);
        var tooLong = "/agent fix " + new string('a', 3000) + "\n" + new string('b', 1000);

        Assert.Equal(AgentCommandParser.MaxInstructionsChars, AgentCommandParser.Parse(longest).Commands.Single().Instructions!.Length);
        Assert.Equal(
            ["! `/agent fix` has 4001 characters of instructions; at most 4000 are allowed: use `/agent fix <instructions>`."],
            Described.Parse(tooLong));
    }

    [Fact]
    public void Pathological_backticks_and_comment_openers_still_parse()
    {
        // Runs of every length, most unmatched, and thousands of comments on one line.
        var body = string.Concat(Enumerable.Repeat("` `` ``` <!-- -->", 3000)) + "\n\n/agent status";

        Assert.Equal(["status"], Described.Parse(body));
    }

    [Fact]
    public void A_body_of_many_short_code_spans_is_read_line_by_line()
    {
        var body = string.Concat(Enumerable.Repeat("`a` and `` b ``\n", 4000)) + "`x\n/agent merge`\n/agent status";

        Assert.Equal(["status"], Described.Parse(body));
    }

    [Fact]
    public void Problem_messages_never_echo_more_than_a_plain_verb()
    {
        var hostile = new[]
        {
            "/agent @octocat",
            "/agent <img src=x onerror=alert(1)>",
            "/agent merge @octocat please",
            "/agent retry @octocat",
            "/agent review <b>all</b>",
            "/agent budget @octocat",
            "/agent fix " + new string('@', 5000),
        };

        foreach (var line in hostile)
        {
            var problem = Assert.Single(AgentCommandParser.Parse(line).Problems);
            Assert.DoesNotContain("@", problem.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("<", problem.Message.Replace("<usd>", "", StringComparison.Ordinal).Replace("<instructions>", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Equal(line, problem.Text);
        }
    }
}
