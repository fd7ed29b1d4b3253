using static GitBot.Agents.Tests.Configuration.ConfigTestFiles;

namespace GitBot.Agents.Tests.Configuration;

public sealed class RoleFileTests
{
    private const string ClaudeReviewer = """
        ---
        name: reviewer
        description: Reviews code for correctness and style
        tools: Read, Grep, Glob, Bash(git diff:*)
        model: sonnet
        color: purple
        ---

        You are a meticulous reviewer.

        Point out bugs first.
        """;

    [Fact]
    public void A_Claude_Code_agent_file_becomes_a_role_with_its_body_as_prompt()
    {
        var config = Valid(Parse((".claude/agents/reviewer.md", ClaudeReviewer)));

        var role = config.Roles["reviewer"];
        Assert.Equal("Reviews code for correctness and style", role.Description);
        Assert.Equal(["Read", "Grep", "Glob", "Bash(git diff:*)"], role.Tools);
        Assert.Equal("sonnet", role.Model);
        Assert.Equal("claude", role.Backend);
        Assert.Equal("You are a meticulous reviewer.\n\nPoint out bugs first.", role.Prompt);
        Assert.Equal(".claude/agents/reviewer.md", role.Source);
    }

    [Fact]
    public void The_name_defaults_to_the_file_name_and_tools_may_be_a_list()
    {
        var config = Valid(Parse((".github/agents/db-migrations.md", "---\r\ndescription: Writes migrations\r\ntools:\r\n  - Read\r\n  - Edit\r\nmodel: inherit\r\n---\r\nWrite reversible migrations.\r\n")));

        var role = config.Roles["db-migrations"];
        Assert.Equal(["Read", "Edit"], role.Tools);
        Assert.Null(role.Model);
        Assert.Equal("Write reversible migrations.", role.Prompt);
    }

    [Fact]
    public void Precedence_is_built_in_then_claude_then_github_then_gitbot_yml_field_by_field()
    {
        var config = Valid(Parse(
            (".claude/agents/backend.md", "---\ndescription: from claude\nmodel: claude-haiku-4-5\ntools: Read\n---\nclaude prompt\n"),
            (".github/agents/backend.md", "---\ndescription: from github\ntools: Read, Edit\n---\n"),
            (".github/gitbot.yml", "roles:\n  backend:\n    tools: [Read, Edit, Bash]\n")));

        var role = config.Roles["backend"];
        Assert.Equal(["Read", "Edit", "Bash"], role.Tools);
        Assert.Equal("from github", role.Description);
        Assert.Equal("claude prompt", role.Prompt);
        Assert.Equal("claude-haiku-4-5", role.Model);
        Assert.Equal(".github/gitbot.yml", role.Source);
    }

    [Fact]
    public void A_github_role_file_overrides_a_claude_one_and_a_built_in()
    {
        var config = Valid(Parse(
            (".claude/agents/docs.md", "---\ndescription: claude docs\n---\nclaude docs prompt\n"),
            (".github/agents/docs.md", "---\ndescription: github docs\n---\ngithub docs prompt\n")));

        Assert.Equal("github docs", config.Roles["docs"].Description);
        Assert.Equal("github docs prompt", config.Roles["docs"].Prompt);
        Assert.Equal(".github/agents/docs.md", config.Roles["docs"].Source);
        Assert.Equal("built-in", config.Roles["coder"].Source);
    }

    [Fact]
    public void A_role_file_may_define_a_command_backend_and_default_role_may_name_it()
    {
        var config = Valid(Parse(
            (".github/agents/aider.md", "---\ndescription: Aider\nbackend: command\ncommand: [aider, --yes, --message, \"{prompt}\"]\nenv: [NODE_ENV]\n---\nBe brief.\n"),
            (".github/gitbot.yml", "default_role: aider\n")));

        Assert.Equal("aider", config.DefaultRole);
        Assert.Equal(["aider", "--yes", "--message", "{prompt}"], config.Roles["aider"].Command);
        Assert.Equal(["NODE_ENV"], config.Roles["aider"].PassEnvironment);
    }

    [Fact]
    public void Switching_a_command_role_back_to_claude_drops_its_command()
    {
        var config = Valid(Parse(
            (".claude/agents/x.md", "---\nbackend: command\ncommand: [x, \"{prompt}\"]\n---\n"),
            (".github/gitbot.yml", "roles:\n  x:\n    backend: claude\n")));

        Assert.Equal("claude", config.Roles["x"].Backend);
        Assert.Empty(config.Roles["x"].Command);
    }

    [Theory]
    [InlineData("---\nname: x\ntools: Read, rm -rf /\n---\n", "tools[1]", 3, "`rm -rf /` is not a tool name")]
    [InlineData("---\nname: Bad Name\n---\n", "name", 2, "not a role name")]
    [InlineData("---\nname: x\nenv: [GITHUB_TOKEN]\n---\n", "env[0]", 3, "looks like a secret")]
    [InlineData("---\nname: x\npermissionMode: bypassPermissions\n---\n", "permissionMode", 3, "unknown key `permissionMode`")]
    [InlineData("---\nname: x\ndescripton: typo\n---\n", "descripton", 3, "did you mean `description`?")]
    [InlineData("---\nname: x\nprompt: inline\n---\n", "prompt", 3, "unknown key `prompt`")]
    [InlineData("---\nname: x\ntools: [Read\n---\n", "", 4, "YAML syntax error")]
    [InlineData("---\nname: x\n", "", 1, "never closed")]
    [InlineData("Just a prompt, no front matter.\n", "", 1, "must start with YAML front matter")]
    [InlineData("---\n- a\n- b\n---\n", "", 2, "expected a mapping")]
    public void Role_file_problems_name_the_file_key_and_line(string text, string key, int line, string message)
    {
        var problem = SingleProblem(Parse((".github/agents/x.md", text)));

        Assert.Equal(".github/agents/x.md", problem.File);
        Assert.Equal(key, problem.Key);
        Assert.Equal(line, problem.Line);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_name_that_is_no_role_name_needs_a_name_key()
    {
        var problem = SingleProblem(Parse((".claude/agents/My Agent.md", "---\ndescription: x\n---\n")));

        Assert.Equal("name", problem.Key);
        Assert.Contains("`My Agent.md` is not a role name", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_files_defining_the_same_role_in_one_directory_are_a_problem()
    {
        var problem = SingleProblem(Parse(
            (".github/agents/a.md", "---\nname: shared\n---\n"),
            (".github/agents/b.md", "---\nname: shared\n---\n")));

        Assert.Equal(".github/agents/b.md", problem.File);
        Assert.Equal("name", problem.Key);
        Assert.Equal(2, problem.Line);
        Assert.Contains("already defined by `.github/agents/a.md`", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_readme_in_a_role_directory_is_not_a_role()
    {
        var config = Valid(Parse((".github/agents/README.md", "# Our agents\n\nSee the files here.\n")));

        Assert.DoesNotContain("readme", config.Roles.Keys);
    }

    [Fact]
    public void Problems_from_several_files_are_all_reported()
    {
        var result = Parse(
            (".claude/agents/a.md", "---\ntools: 5bad\n---\n"),
            (".github/agents/b.md", "---\nmodel: \"-x\"\n---\n"),
            (".github/gitbot.yml", "plan_approval: sometimes\n"));

        Assert.Null(result.Config);
        Assert.Equal(
            [(".claude/agents/a.md", "tools[0]"), (".github/agents/b.md", "model"), (".github/gitbot.yml", "plan_approval")],
            result.Problems.Select(p => (p.File, p.Key)));
    }
}
