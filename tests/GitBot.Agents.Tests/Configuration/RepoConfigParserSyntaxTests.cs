using static GitBot.Agents.Tests.Configuration.ConfigTestFiles;

namespace GitBot.Agents.Tests.Configuration;

public sealed class RepoConfigParserSyntaxTests
{
    [Theory]
    [InlineData("max_parallel_task: 3\n", "max_parallel_task", "limits.max_parallel_tasks")]
    [InlineData("task_timout: 1h\n", "task_timout", "limits.task_timeout")]
    [InlineData("timeout: 1h\n", "timeout", null)]
    [InlineData("trigger-label: agent\n", "trigger-label", "trigger_label")]
    [InlineData("triggerLabel: agent\n", "triggerLabel", "trigger_label")]
    [InlineData("brnach_prefix: x\n", "brnach_prefix", "branch_prefix")]
    [InlineData("test_comand: [make]\n", "test_comand", "test_command")]
    public void An_unknown_top_level_key_suggests_the_closest_known_one(string yml, string key, string? suggestion)
    {
        var problem = SingleProblem(ParseYml(yml));

        Assert.Equal(key, problem.Key);
        Assert.Equal(1, problem.Line);
        Assert.Contains($"unknown key `{key}`", problem.Message, StringComparison.Ordinal);
        if (suggestion is null)
        {
            // Too far from every key for a guess: the message lists what is allowed instead.
            Assert.DoesNotContain("did you mean", problem.Message, StringComparison.Ordinal);
            Assert.Contains("`limits`", problem.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains($"did you mean `{suggestion}`?", problem.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Unknown_keys_in_limits_and_roles_carry_their_full_path()
    {
        var result = ParseYml("limits:\n  max_turn: 5\nroles:\n  backend:\n    tool: [Read]\n    colour: red\n");

        Assert.Null(result.Config);
        Assert.Collection(
            result.Problems,
            p => Assert.Equal(("limits.max_turn", 2, true), (p.Key, p.Line ?? 0, p.Message.Contains("did you mean `max_turns`?", StringComparison.Ordinal))),
            p => Assert.Equal(("roles.backend.tool", 5, true), (p.Key, p.Line ?? 0, p.Message.Contains("did you mean `tools`?", StringComparison.Ordinal))),
            p => Assert.Equal(("roles.backend.colour", 6, false), (p.Key, p.Line ?? 0, p.Message.Contains("did you mean", StringComparison.Ordinal))));
    }

    [Fact]
    public void A_syntax_error_gives_line_and_column()
    {
        var problem = SingleProblem(ParseYml("trigger_label: agent\nlimits:\n  max_turns: 5\n   max_tasks: 3\n"));

        Assert.Equal("", problem.Key);
        Assert.Equal(4, problem.Line);
        Assert.Contains("YAML syntax error at line 4, column", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_flow_list_is_a_syntax_error_not_a_crash()
    {
        // YamlDotNet throws InvalidOperationException rather than YamlException on this input.
        var problem = SingleProblem(ParseYml("test_command: [npm, test\nplan_approval: true\n"));

        Assert.Equal(2, problem.Line);
        Assert.Contains("YAML syntax error at line 2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_key_is_reported_at_its_second_occurrence()
    {
        var problem = SingleProblem(ParseYml("plan_approval: true\nbranch_prefix: x\nplan_approval: false\n"));

        Assert.Equal(3, problem.Line);
        Assert.Contains("Duplicate key", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- trigger_label: agent\n", "expected a mapping of keys to values, got a list")]
    [InlineData("just some words\n", "expected a mapping of keys to values, got `just some words`")]
    public void The_file_must_be_a_mapping(string yml, string message)
    {
        var problem = SingleProblem(ParseYml(yml));

        Assert.Equal("", problem.Key);
        Assert.Equal(1, problem.Line);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void More_than_one_document_is_refused()
    {
        var problem = SingleProblem(ParseYml("plan_approval: true\n---\nplan_approval: false\n"));

        Assert.Equal(3, problem.Line);
        Assert.Contains("more than one YAML document", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_file_is_refused_unread()
    {
        var problem = SingleProblem(ParseYml("# " + new string('x', 300 * 1024) + "\n"));

        Assert.Contains("larger than 256 KiB", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Anchors_and_aliases_are_read_like_any_other_value()
    {
        var config = Valid(ParseYml("test_command: &cmd [make, test]\nroles:\n  x:\n    backend: command\n    command: [agent, \"{prompt}\"]\n    tools: *cmd\n"));

        Assert.Equal(["make", "test"], config.TestCommand);
        Assert.Equal(["make", "test"], config.Roles["x"].Tools);
    }
}
