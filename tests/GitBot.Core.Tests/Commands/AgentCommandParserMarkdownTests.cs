namespace GitBot.Core.Tests.Commands;

/// <summary>Where a command may stand: only in paragraph text, never in code, quotes or HTML comments.</summary>
public sealed class AgentCommandParserMarkdownTests
{
    public static TheoryData<string, string, string[]> Bodies => new()
    {
        // Position in the line.
        { "first line", "/agent merge", ["merge"] },
        { "after text", "Looks good.\n/agent merge\nThanks", ["merge"] },
        { "not at the start", "please /agent merge", [] },
        { "after a list marker", "- /agent merge", [] },
        { "emphasised", "**/agent merge**", [] },
        { "three spaces", "   /agent merge", ["merge"] },
        { "four spaces: indented code", "    /agent merge", [] },
        { "tab: indented code", "\t/agent merge", [] },
        { "space and tab: indented code", "  \t/agent merge", [] },
        { "indented code after a paragraph stays inert", "text\n    /agent merge", [] },
        { "no-break space is not indentation", "\u00A0/agent merge", [] },

        // Fenced code.
        { "backtick fence", "```\n/agent merge\n```\n/agent plan", ["plan"] },
        { "tilde fence", "~~~\n/agent merge\n~~~\n/agent plan", ["plan"] },
        { "fence with info string", "```bash\n/agent merge\n```", [] },
        { "unclosed fence hides the rest", "```\n/agent merge\n\n/agent plan", [] },
        { "closed only by a fence as long", "````\n```\n/agent merge\n````\n/agent plan", ["plan"] },
        { "closed only by the same character", "```\n~~~\n/agent merge\n```\n/agent plan", ["plan"] },
        { "a longer closer closes", "```\n/agent merge\n`````\n/agent plan", ["plan"] },
        { "a closer has nothing after it", "```\n```x\n/agent merge\n```\n/agent plan", ["plan"] },
        { "indented fence (3 spaces)", "   ```\n/agent merge\n   ```\n/agent plan", ["plan"] },
        { "four-space fence is indented code, not a fence", "    ```\n/agent merge", ["merge"] },
        { "closer indented four spaces does not close", "```\n    ```\n/agent merge\n```\n/agent plan", ["plan"] },
        { "backtick info string with a backtick is no fence", "``` a`b\n/agent merge", ["merge"] },
        { "two backticks are no fence", "``\n/agent merge\n``", [] },
        { "fence in a list item", "- ```\n  /agent merge\n  ```\n/agent plan", ["plan"] },
        { "fence in an ordered list item", "1. ```\n   /agent merge\n   ```\n/agent plan", ["plan"] },
        { "fence in a quote ends with the quote (no lazy code)", "> ```\n> /agent merge\n/agent plan", ["plan"] },
        { "fence in a quote closed in the quote", "> ```\n> /agent merge\n> ```\n\n/agent plan", ["plan"] },
        { "fence in a quote ended by a blank line", "> ```\n> x\n\n/agent plan", ["plan"] },
        { "zero-width before a fence: not a fence on GitHub", "\u200B```\n/agent merge", ["merge"] },

        // Block quotes.
        { "quote", "> /agent merge", [] },
        { "quote without space", ">/agent merge", [] },
        { "indented quote", "   > /agent merge", [] },
        { "nested quote", "> > /agent merge", [] },
        { "deep quote", ">>> /agent merge", [] },
        { "quote then blank then command", "> hello\n\n/agent merge", ["merge"] },
        { "lazy continuation of a quote", "> hello\n/agent merge", [] },
        { "lazy continuation ends at a blank line", "> hello\nmore\n\n/agent merge", ["merge"] },
        { "empty quote line has no lazy continuation", ">\n/agent merge", ["merge"] },
        { "quoted reply then own command", "> /agent merge\n\n/agent status", ["status"] },

        // HTML comments.
        { "one-line comment", "<!-- /agent merge -->\n/agent plan", ["plan"] },
        { "comment over lines", "<!--\n/agent merge\n-->\n/agent plan", ["plan"] },
        { "comment opened mid-line", "text <!-- note\n/agent merge\n-->\n/agent plan", ["plan"] },
        { "unclosed comment hides the rest", "<!--\n/agent merge\n\n/agent plan", [] },
        { "text after a closing comment is no command", "<!--\nx\n--> /agent merge", [] },
        { "comment in a command line is dropped", "/agent merge <!-- now -->", ["merge"] },
        { "comment between /agent and the verb", "/agent <!-- x -->merge", ["merge"] },
        { "comment hiding arguments", "/agent retry <!-- 1 2 -->t1", ["retry t1"] },
        { "comment in a quote ends with the quote", "> <!--\n\n/agent merge", ["merge"] },
        { "comment marker in inline code is no comment", "`<!--`\n/agent merge", ["merge"] },
        { "defused marker is no comment", "<\u200B!--\n/agent merge", ["merge"] },
        { "fence inside a comment is not a fence", "<!--\n```\n-->\n/agent merge", ["merge"] },
        { "comment inside a fence is not a comment", "```\n<!--\n```\n/agent merge", ["merge"] },

        // Inline code.
        { "inline code", "`/agent merge`", [] },
        { "double-backtick inline code", "`` /agent merge ``", [] },
        { "inline code over two lines", "see `foo\n/agent merge` here", [] },
        { "inline code over three lines", "see ``a\nb\n/agent merge``", [] },
        { "unclosed backtick is literal", "see `foo\n/agent merge", ["merge"] },
        { "escaped backtick opens nothing", "see \\`foo\n/agent merge\nbar`", ["merge"] },
        { "code spans end at a blank line", "see `foo\n\n/agent merge\nbar`", ["merge"] },
        { "a run of another length does not close", "see ``foo`\n/agent merge", ["merge"] },

        // Raw HTML blocks shown as written.
        { "pre block", "<pre>\n/agent merge\n</pre>\n/agent plan", ["plan"] },
        { "PRE block with attributes", "<PRE class=\"x\">\n/agent merge\n</Pre>\n/agent plan", ["plan"] },
        { "pre closed on its line", "<pre>x</pre>\n/agent plan", ["plan"] },
        { "unclosed pre hides the rest", "<pre>\n/agent merge\n\n/agent plan", [] },
        { "textarea block", "<textarea>\n/agent merge\n</textarea>", [] },
        { "pre in a quote ends with the quote", "> <pre>\n\n/agent merge", ["merge"] },
        { "details shows its text", "<details>\n\n/agent merge\n\n</details>", ["merge"] },
        { "a tag that only starts with pre", "<preview>\n\n/agent merge", ["merge"] },

        // Headings.
        { "heading", "# /agent merge", [] },
        { "heading then command", "## Review\n/agent merge", ["merge"] },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Only_paragraph_text_holds_commands(string name, string body, string[] expected)
    {
        Assert.False(string.IsNullOrEmpty(name));
        Assert.Equal(expected, Described.Parse(body));
    }
}
