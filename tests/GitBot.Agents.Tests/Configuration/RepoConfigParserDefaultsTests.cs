using GitBot.Agents.Configuration;
using GitBot.Core.Configuration;
using static GitBot.Agents.Tests.Configuration.ConfigTestFiles;

namespace GitBot.Agents.Tests.Configuration;

public sealed class RepoConfigParserDefaultsTests
{
    [Fact]
    public void No_files_means_the_defaults()
    {
        var config = Valid(RepoConfigParser.Parse(new Dictionary<string, string>()));

        Assert.Equal("agent", config.TriggerLabel);
        Assert.Equal("coder", config.DefaultRole);
        Assert.Equal("gitbot", config.BranchPrefix);
        Assert.False(config.PlanApproval);
        Assert.False(config.AllowWorkflowChanges);
        Assert.Empty(config.TestCommand);
        Assert.Equal(RepoLimits.Default, config.Limits);
        Assert.Equal(["backend", "coder", "docs", "frontend", "planner", "tests"], config.Roles.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(RepoConfigParser.Defaults, config with { Roles = RepoConfigParser.Defaults.Roles });
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# GitBot settings, all defaults for now\n")]
    [InlineData("~\n")]
    public void An_empty_file_means_the_defaults(string yml)
    {
        var config = Valid(ParseYml(yml));

        Assert.Equal("agent", config.TriggerLabel);
        Assert.Equal(RepoLimits.Default, config.Limits);
    }

    [Fact]
    public void Files_outside_the_config_and_role_directories_are_ignored()
    {
        var config = Valid(Parse(
            ("README.md", "no front matter here"),
            (".github/agents/nested/deep.md", "not a role file"),
            (".github/agents/notes.txt", "---\nname: x\n---\n")));

        Assert.Equal(6, config.Roles.Count);
    }

    [Fact]
    public void Built_in_roles_run_on_claude_and_only_the_planner_is_read_only()
    {
        var roles = BuiltInRoles.All;

        Assert.Equal(["Read", "Glob", "Grep", "LS"], roles[BuiltInRoles.Planner].Tools);
        Assert.Contains("never", roles[BuiltInRoles.Planner].Prompt, StringComparison.Ordinal);
        foreach (var name in new[] { "coder", "backend", "frontend", "docs", "tests" })
        {
            Assert.Equal(["Read", "Write", "Edit", "MultiEdit", "Glob", "Grep", "LS", "Bash"], roles[name].Tools);
        }

        Assert.Equal(roles.Count, roles.Values.Select(r => r.Prompt).Distinct(StringComparer.Ordinal).Count());
        Assert.All(roles.Values, r =>
        {
            Assert.Equal("claude", r.Backend);
            Assert.Null(r.Model);
            Assert.Equal("built-in", r.Source);
            Assert.Empty(r.Command);
            Assert.False(string.IsNullOrWhiteSpace(r.Description));
        });
    }

    [Fact]
    public void A_full_valid_file_sets_every_field()
    {
        const string yml = """
            trigger_label: gitbot please
            default_role: backend
            branch_prefix: bots/gitbot
            plan_approval: true
            test_command: ["npm", "test", "--", "--ci"]
            allow_workflow_changes: true
            limits:
              max_parallel_tasks: 8
              task_timeout: 1h30m
              max_turns: 120
              task_budget_usd: 1.5
              issue_budget_usd: 12.25
              max_tasks: 20
              max_retries: 0
              retry_backoff: 45
            roles:
              backend:
                model: claude-sonnet-4-5
                tools: [Read, Edit, "Bash(npm test:*)"]
                env: [NODE_ENV]
              aider:
                description: Aider for small edits
                prompt: Make the smallest change that works.
                backend: command
                command: ["aider", "--yes", "--message", "{prompt}"]
              stdin-agent:
                backend: command
                command: my-agent --quiet
                prompt_on_stdin: true
            """;

        var config = Valid(ParseYml(yml));

        Assert.Equal("gitbot please", config.TriggerLabel);
        Assert.Equal("backend", config.DefaultRole);
        Assert.Equal("bots/gitbot", config.BranchPrefix);
        Assert.True(config.PlanApproval);
        Assert.True(config.AllowWorkflowChanges);
        Assert.Equal(["npm", "test", "--", "--ci"], config.TestCommand);
        Assert.Equal(new RepoLimits(8, TimeSpan.FromMinutes(90), 120, 1.5m, 12.25m, 20, 0, TimeSpan.FromSeconds(45)), config.Limits);

        var backend = config.Roles["backend"];
        Assert.Equal("claude-sonnet-4-5", backend.Model);
        Assert.Equal(["Read", "Edit", "Bash(npm test:*)"], backend.Tools);
        Assert.Equal(["NODE_ENV"], backend.PassEnvironment);
        Assert.Equal(BuiltInRoles.All["backend"].Prompt, backend.Prompt);
        Assert.Equal(".github/gitbot.yml", backend.Source);

        var aider = config.Roles["aider"];
        Assert.Equal("command", aider.Backend);
        Assert.Equal(["aider", "--yes", "--message", "{prompt}"], aider.Command);
        Assert.Equal("Aider for small edits", aider.Description);
        Assert.Equal("Make the smallest change that works.", aider.Prompt);
        Assert.False(aider.PromptOnStdin);

        var stdin = config.Roles["stdin-agent"];
        Assert.Equal(["my-agent", "--quiet"], stdin.Command);
        Assert.True(stdin.PromptOnStdin);
    }

    [Fact]
    public void Test_command_as_a_string_is_split_on_whitespace_not_given_to_a_shell()
    {
        var config = Valid(ParseYml("test_command: dotnet   test  -c Release && rm -rf /\n"));

        Assert.Equal(["dotnet", "test", "-c", "Release", "&&", "rm", "-rf", "/"], config.TestCommand);
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("30m", 1800)]
    [InlineData("1h", 3600)]
    [InlineData("600", 600)]
    [InlineData("\"2h\"", 7200)]
    public void Task_timeout_accepts_units_and_plain_seconds(string value, int seconds)
    {
        var config = Valid(ParseYml($"limits:\n  task_timeout: {value}\n"));

        Assert.Equal(TimeSpan.FromSeconds(seconds), config.Limits.TaskTimeout);
    }

    [Fact]
    public void Keys_with_no_value_keep_their_defaults()
    {
        var config = Valid(ParseYml("trigger_label:\nlimits:\n  max_turns: ~\nroles:\n"));

        Assert.Equal("agent", config.TriggerLabel);
        Assert.Equal(40, config.Limits.MaxTurns);
    }
}
