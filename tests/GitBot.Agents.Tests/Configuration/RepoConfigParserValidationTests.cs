using static GitBot.Agents.Tests.Configuration.ConfigTestFiles;

namespace GitBot.Agents.Tests.Configuration;

/// <summary>Every key's validation: the problem names the exact key path, the line and what is allowed.</summary>
public sealed class RepoConfigParserValidationTests
{
    [Theory]
    [InlineData("trigger_label: \"Agent\"\n", "trigger_label", 1, "lower-case")]
    [InlineData("trigger_label: \"agent:go\"\n", "trigger_label", 1, "`:` separates")]
    [InlineData("trigger_label: [agent]\n", "trigger_label", 1, "expected a string, got a list")]
    [InlineData("# comment\ndefault_role: wizard\n", "default_role", 2, "there is no role `wizard`; known roles: `backend`, `coder`")]
    [InlineData("default_role: planner\n", "default_role", 1, "planner cannot edit")]
    [InlineData("branch_prefix: main\n", "branch_prefix", 1, "a prefix of their own")]
    [InlineData("branch_prefix: a..b\n", "branch_prefix", 1, "no `..`")]
    [InlineData("branch_prefix: \"-x\"\n", "branch_prefix", 1, "not a valid branch prefix")]
    [InlineData("branch_prefix: bots/\n", "branch_prefix", 1, "not a valid branch prefix")]
    [InlineData("branch_prefix: x.lock\n", "branch_prefix", 1, "not a valid branch prefix")]
    [InlineData("branch_prefix: has space\n", "branch_prefix", 1, "not a valid branch prefix")]
    [InlineData("plan_approval: yes\n", "plan_approval", 1, "expected `true` or `false`, got `yes`")]
    [InlineData("plan_approval: \"true\"\n", "plan_approval", 1, "expected `true` or `false`, got the string `true`")]
    [InlineData("allow_workflow_changes: 1\n", "allow_workflow_changes", 1, "expected `true` or `false`")]
    [InlineData("test_command: {run: x}\n", "test_command", 1, "expected a list of strings, got a mapping")]
    [InlineData("test_command:\n  - npm\n  - [x]\n", "test_command[1]", 3, "expected a string, got a list")]
    [InlineData("test_command: [\"--help\"]\n", "test_command[0]", 1, "cannot start with `-`")]
    [InlineData("test_command: [\"\"]\n", "test_command[0]", 1, "non-empty")]
    [InlineData("limits: 5\n", "limits", 1, "expected a mapping")]
    [InlineData("limits:\n  max_parallel_tasks: 0\n", "limits.max_parallel_tasks", 2, "must be from 1 to 32, got 0")]
    [InlineData("limits:\n  max_parallel_tasks: 33\n", "limits.max_parallel_tasks", 2, "must be from 1 to 32")]
    [InlineData("limits:\n  max_parallel_tasks: \"3\"\n", "limits.max_parallel_tasks", 2, "expected a whole number, got the string `3`")]
    [InlineData("limits:\n  max_parallel_tasks: 2.5\n", "limits.max_parallel_tasks", 2, "expected a whole number from 1 to 32, got `2.5`")]
    [InlineData("limits:\n  max_parallel_tasks: 99999999999999999999\n", "limits.max_parallel_tasks", 2, "from 1 to 32")]
    [InlineData("limits:\n  task_timeout: 5s\n", "limits.task_timeout", 2, "must be from 10s to 24h, got 5s")]
    [InlineData("limits:\n  task_timeout: 25h\n", "limits.task_timeout", 2, "must be from 10s to 24h")]
    [InlineData("limits:\n  task_timeout: soon\n", "limits.task_timeout", 2, "expected a duration such as `90s`")]
    [InlineData("limits:\n  max_turns: 0\n", "limits.max_turns", 2, "from 1 to 500")]
    [InlineData("limits:\n  max_turns: 501\n", "limits.max_turns", 2, "from 1 to 500")]
    [InlineData("limits:\n  task_budget_usd: 0\n", "limits.task_budget_usd", 2, "more than 0")]
    [InlineData("limits:\n  task_budget_usd: -1\n", "limits.task_budget_usd", 2, "more than 0")]
    [InlineData("limits:\n  task_budget_usd: $2\n", "limits.task_budget_usd", 2, "expected a number such as `2`")]
    [InlineData("limits:\n  task_budget_usd: 5\n  issue_budget_usd: 4\n", "limits.issue_budget_usd", 3, "at least the per-task budget")]
    [InlineData("limits:\n  max_turns: 5\n  task_budget_usd: 20\n", "limits.task_budget_usd", 3, "defaults to 10 USD; lower it or set `issue_budget_usd` to at least 20")]
    [InlineData("limits:\n  max_tasks: 51\n", "limits.max_tasks", 2, "from 1 to 50")]
    [InlineData("limits:\n  max_retries: 6\n", "limits.max_retries", 2, "from 0 to 5")]
    [InlineData("limits:\n  max_retries: -1\n", "limits.max_retries", 2, "from 0 to 5")]
    [InlineData("limits:\n  retry_backoff: 2h\n", "limits.retry_backoff", 2, "from 0s to 1h")]
    [InlineData("roles: [backend]\n", "roles", 1, "expected a mapping")]
    [InlineData("roles:\n  Backend!: {}\n", "roles.Backend!", 2, "not a role name")]
    [InlineData("roles:\n  backend: fast\n", "roles.backend", 2, "expected a mapping")]
    [InlineData("roles:\n  backend:\n    description: [a]\n", "roles.backend.description", 3, "expected a string")]
    [InlineData("roles:\n  backend:\n    tools: [Read, \"rm -rf\"]\n", "roles.backend.tools[1]", 3, "`rm -rf` is not a tool name")]
    [InlineData("roles:\n  backend:\n    tools:\n      - Read\n      - \"--dangerously-skip-permissions\"\n", "roles.backend.tools[1]", 5, "not a tool name")]
    [InlineData("roles:\n  backend:\n    model: \"--evil\"\n", "roles.backend.model", 3, "not a model name")]
    [InlineData("roles:\n  backend:\n    backend: gpt\n", "roles.backend.backend", 3, "unknown backend `gpt`; allowed: `claude`")]
    [InlineData("roles:\n  backend:\n    backend: command\n", "roles.backend.backend", 3, "needs `command:`")]
    [InlineData("roles:\n  backend:\n    command: [aider, \"{prompt}\"]\n", "roles.backend.command", 3, "only for `backend: command`")]
    [InlineData("roles:\n  x:\n    backend: command\n    command: []\n", "roles.x.command", 4, "must name a program")]
    [InlineData("roles:\n  x:\n    backend: command\n    command: [aider]\n", "roles.x.command", 4, "never receives the prompt")]
    [InlineData("roles:\n  x:\n    prompt_on_stdin: true\n", "roles.x.prompt_on_stdin", 3, "only for `backend: command`")]
    [InlineData("roles:\n  x:\n    backend: command\n    command: [a, \"{prompt}\"]\n    prompt_on_stdin: maybe\n", "roles.x.prompt_on_stdin", 5, "expected `true` or `false`")]
    [InlineData("roles:\n  x:\n    env: [\"1BAD\"]\n", "roles.x.env[0]", 3, "not an environment variable name")]
    [InlineData("roles:\n  x:\n    env: NODE_ENV\n", "roles.x.env", 3, "expected a list of strings")]
    public void Each_invalid_value_is_reported_at_its_key_and_line(string yml, string key, int line, string message)
    {
        var problem = SingleProblem(ParseYml(yml));

        Assert.Equal(".github/gitbot.yml", problem.File);
        Assert.Equal(key, problem.Key);
        Assert.Equal(line, problem.Line);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GITHUB_TOKEN")]
    [InlineData("GITBOT_Database__ConnectionString")]
    [InlineData("NPM_TOKEN")]
    [InlineData("AWS_SECRET_ACCESS_KEY")]
    [InlineData("OPENAI_API_KEY")]
    [InlineData("DEPLOY_PRIVATE_KEY")]
    public void A_role_cannot_pass_a_secret_through_to_its_agent(string name)
    {
        var problem = SingleProblem(ParseYml($"roles:\n  backend:\n    env:\n      - NODE_ENV\n      - {name}\n"));

        Assert.Equal("roles.backend.env[1]", problem.Key);
        Assert.Equal(5, problem.Line);
        Assert.Contains($"`{name}` looks like a secret", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_problems_are_collected_not_just_the_first()
    {
        const string yml = """
            trigger_label: "Bad:Label"
            limits:
              max_parallel_tasks: 0
              max_turns: lots
              max_taks: 3
            roles:
              backend:
                tools: [Read, "no good"]
            default_role: nobody
            """;

        var result = ParseYml(yml);

        Assert.Null(result.Config);
        Assert.Equal(
            [("trigger_label", 1), ("limits.max_parallel_tasks", 3), ("limits.max_turns", 4), ("limits.max_taks", 5), ("roles.backend.tools[1]", 8), ("default_role", 9)],
            result.Problems.Select(p => (p.Key, p.Line ?? 0)));
    }
}
