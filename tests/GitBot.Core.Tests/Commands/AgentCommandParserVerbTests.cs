using GitBot.Core.Commands;
using GitBot.Core.Reviews.Reports;

namespace GitBot.Core.Tests.Commands;

/// <summary>Every verb, valid and malformed: one command line each.</summary>
public sealed class AgentCommandParserVerbTests
{
    private const string HelpHint = "`/agent help` lists the commands.";
    private const string Budget = "! `/agent budget` needs an amount in US dollars above 0 and at most 1000, with a dot and at most two decimals (e.g. 25.50): use `/agent budget <usd>`.";
    private const string Retry = "! `/agent retry` takes at most one task id (1 to 32 letters, digits, '-' or '_', starting with a letter or digit): use `/agent retry [task]`.";
    private const string Review = "! `/agent review` takes at most one of security, tests or judge: use `/agent review [security|tests|judge]`.";

    private static string NoArguments(string verb) => $"! `/agent {verb}` takes no arguments: use `/agent {verb}`.";

    public static TheoryData<string, string[]> Lines => new()
    {
        // Verbs without arguments.
        { "/agent help", ["help"] },
        { "/agent status", ["status"] },
        { "/agent plan", ["plan"] },
        { "/agent approve", ["approve"] },
        { "/agent rebase", ["rebase"] },
        { "/agent cancel", ["cancel"] },
        { "/agent merge", ["merge"] },
        { "/agent merge   ", ["merge"] },
        { "/agent\tmerge", ["merge"] },
        { "/agent    merge", ["merge"] },
        { "/AGENT MERGE", ["merge"] },
        { "/Agent Approve", ["approve"] },
        { "   /agent merge", ["merge"] },
        { "/agent help me", [NoArguments("help")] },
        { "/agent status now", [NoArguments("status")] },
        { "/agent plan again please", [NoArguments("plan")] },
        { "/agent approve all", [NoArguments("approve")] },
        { "/agent rebase main", [NoArguments("rebase")] },
        { "/agent cancel everything", [NoArguments("cancel")] },
        { "/agent merge --force", [NoArguments("merge")] },
        { "/agent merge && rm -rf /", [NoArguments("merge")] },
        { "/agent merge;rm -rf /", ["! That is not a command; " + HelpHint] },

        // retry [task]
        { "/agent retry", ["retry"] },
        { "/agent retry 3", ["retry 3"] },
        { "/agent retry add-login_form", ["retry add-login_form"] },
        { "/agent retry T1", ["retry T1"] },
        { "/agent retry " + new string('a', 32), ["retry " + new string('a', 32)] },
        { "/agent retry " + new string('a', 33), [Retry] },
        { "/agent retry 1 2", [Retry] },
        { "/agent retry -x", [Retry] },
        { "/agent retry a/b", [Retry] },
        { "/agent retry ../etc", [Retry] },
        { "/agent retry $(id)", [Retry] },
        { "/agent retry tâche", [Retry] },

        // review [security|tests|judge]
        { "/agent review", ["review"] },
        { "/agent review security", ["review security"] },
        { "/agent review tests", ["review tests"] },
        { "/agent review judge", ["review judge"] },
        { "/agent review JUDGE", ["review judge"] },
        { "/agent review lint", [Review] },
        { "/agent review security tests", [Review] },
        { "/agent review gitbot/security", [Review] },

        // fix <instructions>
        { "/agent fix rename Foo to Bar", ["fix rename Foo to Bar"] },
        { "/agent FIX   use `ILogger<T>` here  ", ["fix use `ILogger<T>` here"] },
        { "/agent fix", ["! `/agent fix` needs instructions: use `/agent fix <instructions>`."] },
        { "/agent fix    ", ["! `/agent fix` needs instructions: use `/agent fix <instructions>`."] },
        { "/agent fixit now", ["! `/agent fixit` is not a command; " + HelpHint] },

        // budget <usd>
        { "/agent budget 25", ["budget 25"] },
        { "/agent budget 25.5", ["budget 25.5"] },
        { "/agent budget 25.50", ["budget 25.50"] },
        { "/agent budget $12.34", ["budget 12.34"] },
        { "/agent budget 0.01", ["budget 0.01"] },
        { "/agent budget 1000", ["budget 1000"] },
        { "/agent budget 1000.00", ["budget 1000.00"] },
        { "/agent budget 1000.01", [Budget] },
        { "/agent budget 0", [Budget] },
        { "/agent budget 0.00", [Budget] },
        { "/agent budget -5", [Budget] },
        { "/agent budget +5", [Budget] },
        { "/agent budget 1,5", [Budget] },
        { "/agent budget 1,000", [Budget] },
        { "/agent budget 1.234", [Budget] },
        { "/agent budget .5", [Budget] },
        { "/agent budget 5.", [Budget] },
        { "/agent budget 1e3", [Budget] },
        { "/agent budget 5 USD", [Budget] },
        { "/agent budget $ 5", [Budget] },
        { "/agent budget ５", [Budget] },
        { "/agent budget NaN", [Budget] },
        { "/agent budget", [Budget] },
        { "/agent budget 99999999999999999999999999999999", [Budget] },

        // No verb, unknown verbs.
        { "/agent", ["! Say what to do: " + HelpHint] },
        { "/agent   ", ["! Say what to do: " + HelpHint] },
        { "/agent deploy", ["! `/agent deploy` is not a command; " + HelpHint] },
        { "/agent deploy prod now", ["! `/agent deploy` is not a command; " + HelpHint] },
        { "/agent [click](https://evil.example)", ["! That is not a command; " + HelpHint] },
        { "/agent @octocat", ["! That is not a command; " + HelpHint] },
        { "/agent `merge`", ["! That is not a command; " + HelpHint] },
        { "/agent " + new string('x', 33), ["! That is not a command; " + HelpHint] },

        // Not /agent followed by whitespace: not a command line at all.
        { "/agents merge", [] },
        { "/agent-merge", [] },
        { "/agentmerge", [] },
        { "/agent/merge", [] },
        { "agent merge", [] },
        { "//agent merge", [] },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Each_line_parses_to_its_command_or_problem(string body, string[] expected)
    {
        Assert.Equal(expected, Described.Parse(body));
    }

    [Fact]
    public void Commands_carry_their_line_and_typed_arguments()
    {
        var parse = AgentCommandParser.Parse("  /agent review Security  \n/agent budget $7.5\n/agent retry t-2");

        Assert.Equal(
            [
                new AgentCommand(AgentVerb.Review, "/agent review Security", Agent: ReviewAgentKind.Security),
                new AgentCommand(AgentVerb.Budget, "/agent budget $7.5", BudgetUsd: 7.5m),
                new AgentCommand(AgentVerb.Retry, "/agent retry t-2", Task: "t-2"),
            ],
            parse.Commands);
        Assert.Empty(parse.Problems);
        Assert.False(parse.IsEmpty);
    }

    [Fact]
    public void Problems_carry_their_line()
    {
        var parse = AgentCommandParser.Parse("/agent merge now");

        Assert.Equal([new CommandProblem("/agent merge now", NoArguments("merge")[2..])], parse.Problems);
        Assert.Empty(parse.Commands);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("LGTM, thanks!")]
    [InlineData("\n\n\r\n")]
    public void Text_without_command_lines_is_empty(string? body)
    {
        Assert.True(AgentCommandParser.Parse(body).IsEmpty);
    }
}
