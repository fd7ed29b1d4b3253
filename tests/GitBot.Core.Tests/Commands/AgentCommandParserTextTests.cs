using GitBot.Core.Commands;
using GitBot.Core.Reviews.Reports;

namespace GitBot.Core.Tests.Commands;

/// <summary>Invisible characters, GitBot's own output, line breaks, fix paragraphs and several commands per body.</summary>
public sealed class AgentCommandParserTextTests
{
    public static TheoryData<string, string, string[]> Bodies => new()
    {
        // Zero-width and bidi characters are stripped from command lines...
        { "zero-width space in the verb", "/agent mer\u200Bge", ["merge"] },
        { "zero-width joiner in /agent", "/ag\u200Dent merge", ["merge"] },
        { "word joiner after /agent", "/agent\u2060 merge", ["merge"] },
        { "zero-width only between /agent and the verb", "/agent\u200Bmerge", [] },
        { "zero-width in an argument", "/agent retry t\u200C1", ["retry t1"] },
        { "zero-width in an amount", "/agent budget 1\uFEFF0", ["budget 10"] },
        { "bidi mark in the verb", "/agent me\u200Frge", ["merge"] },
        { "bidi isolate around the verb", "/agent \u2066merge\u2069", ["merge"] },
        { "bidi override before /agent", "\u202E/agent merge", ["merge"] },
        { "arabic letter mark before /agent", "\u061C/agent merge", ["merge"] },
        { "reversed text is read as written", "/agent \u202Eegrem\u202C", ["! `/agent egrem` is not a command; `/agent help` lists the commands."] },
        { "bidi does not make indentation shorter", "\u202A    /agent merge", [] },

        // ...but a zero-width character before /agent keeps the line inert.
        { "zero-width space before /agent", "\u200B/agent merge", [] },
        { "zero-width non-joiner before /agent", "\u200C/agent merge", [] },
        { "zero-width joiner before /agent", "\u200D/agent merge", [] },
        { "word joiner before /agent", "\u2060/agent merge", [] },
        { "byte order mark before /agent", "\uFEFF/agent merge", [] },
        { "zero-width after indentation", "  \u200B/agent merge", [] },
        { "zero-width before indentation", "\u200B  /agent merge", [] },
        { "zero-width after a bidi mark", "\u200E\u200B/agent merge", [] },
        { "an inert line does not hide the next", "\u200B/agent merge\n/agent status", ["status"] },

        // Line breaks.
        { "CRLF", "Thanks!\r\n/agent merge\r\n/agent plan\r\n", ["merge", "plan"] },
        { "lone CR", "Thanks!\r/agent merge\r/agent plan", ["merge", "plan"] },
        { "CRLF fence", "```\r\n/agent merge\r\n```\r\n/agent plan", ["plan"] },
        { "CRLF comment", "<!--\r\n/agent merge\r\n-->\r\n/agent plan", ["plan"] },
        { "CRLF fix paragraph", "/agent fix a\r\nb\r\n\r\nc", ["fix a\nb"] },

        // Several commands, in order, duplicates kept; problems listed after the commands.
        { "several", "/agent review security\n/agent merge\n/agent merge", ["review security", "merge", "merge"] },
        { "commands and problems", "/agent deploy\n/agent status\n/agent merge now\n/agent help", ["status", "help", "! `/agent deploy` is not a command; `/agent help` lists the commands.", "! `/agent merge` takes no arguments: use `/agent merge`."] },

        // fix takes the rest of its paragraph.
        { "fix over lines", "/agent fix first\nsecond\n  third  \n\nnot part", ["fix first\nsecond\n  third"] },
        { "fix with a list", "/agent fix do this:\n- rename A\n- delete B", ["fix do this:\n- rename A\n- delete B"] },
        { "fix instructions start on the next line", "/agent fix\nrename X to Y", ["fix rename X to Y"] },
        { "fix stops at the next command", "/agent fix a\nb\n/agent merge\nc", ["fix a\nb", "merge"] },
        { "fix stops at a problem line", "/agent fix a\n/agent nope\nc", ["fix a", "! `/agent nope` is not a command; `/agent help` lists the commands."] },
        { "fix stops at a quote", "/agent fix a\n> quoted\nb", ["fix a"] },
        { "fix stops at a fence", "/agent fix a\n```\ncode\n```", ["fix a"] },
        { "fix stops at a heading", "/agent fix a\n# Title", ["fix a"] },
        { "fix stops at a comment", "/agent fix a\n<!-- hidden -->\nb", ["fix a"] },
        { "fix drops comments", "/agent fix a <!-- secret -->\nb<!-- secret --> c", ["fix a\nb c"] },
        { "fix drops a comment left open", "/agent fix a <!-- secret\nmore\n-->\nb", ["fix a"] },
        { "fix keeps an inline-code line", "/agent fix use `a\n/agent merge` b", ["fix use `a\n/agent merge` b"] },
        { "fix keeps an inert line", "/agent fix a\n\u200B/agent merge", ["fix a\n/agent merge"] },
        { "fix strips invisible characters", "/agent fix re\u200Bname\n\u202Eb", ["fix rename\nb"] },
        { "two fixes", "/agent fix a\n\n/agent fix b", ["fix a", "fix b"] },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Bodies_parse_as_expected(string name, string body, string[] expected)
    {
        Assert.False(string.IsNullOrEmpty(name));
        Assert.Equal(expected, Described.Parse(body));
    }

    public static TheoryData<string> OwnOutput => new()
    {
        "/agent merge",
        "/AGENT approve",
        "  /agent merge",
        "> /agent merge",
        "- /agent merge",
        "`/agent merge`",
        "Summary\n/agent merge\n/agent fix rm -rf /\nmore",
        "<!--\n-->\n/agent merge",
    };

    [Theory]
    [MemberData(nameof(OwnOutput))]
    public void GitBots_own_output_and_quotes_of_it_parse_to_nothing(string untrusted)
    {
        var posted = ReviewTextSanitizer.Sanitize(untrusted, 2000);
        var line = ReviewTextSanitizer.SanitizeLine(untrusted, 2000);

        Assert.True(AgentCommandParser.Parse(posted).IsEmpty);
        Assert.True(AgentCommandParser.Parse(line).IsEmpty);
        Assert.True(AgentCommandParser.Parse("As GitBot said:\n\n" + posted + "\n").IsEmpty);
        Assert.True(AgentCommandParser.Parse("> " + posted.Replace("\n", "\n> ", StringComparison.Ordinal)).IsEmpty);

        // The same text unsanitized is a command, so the check above can fail.
        Assert.False(AgentCommandParser.Parse(untrusted.Replace("<!--\n-->\n", "", StringComparison.Ordinal).TrimStart('>', '-', '`', ' ')).IsEmpty);
    }
}
