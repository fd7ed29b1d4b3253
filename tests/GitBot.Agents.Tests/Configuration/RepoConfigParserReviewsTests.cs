using GitBot.Agents.Configuration;
using GitBot.Core.Configuration;
using GitBot.Core.Reviews.Reports;
using static GitBot.Agents.Tests.Configuration.ConfigTestFiles;

namespace GitBot.Agents.Tests.Configuration;

/// <summary>The <c>reviews:</c> and <c>gate:</c> sections: values, defaults, and the checks that span sections.</summary>
public sealed class RepoConfigParserReviewsTests
{
    [Fact]
    public void Every_reviews_and_gate_key_is_read()
    {
        var config = Valid(ParseYml("""
            test_command: [dotnet, test]
            reviews:
              pull_requests: all
              agents: [tests, security]
              model: claude-sonnet-4-5
              security_llm: false
              test_timeout_minutes: 45
            gate:
              required_approvals: 2
              required_checks: [gitbot/security, gitbot/tests]
              auto_merge: true
              merge_method: rebase
            """));

        Assert.Equal(ReviewScope.All, config.Reviews.Scope);
        Assert.Equal([ReviewAgentKind.Tests, ReviewAgentKind.Security], config.Reviews.Agents);
        Assert.Equal("claude-sonnet-4-5", config.Reviews.Model);
        Assert.False(config.Reviews.SecurityLlm);
        Assert.Equal(TimeSpan.FromMinutes(45), config.Reviews.TestTimeout);
        Assert.Equal(2, config.Gate.RequiredApprovals);
        Assert.Equal(["gitbot/security", "gitbot/tests"], config.Gate.RequiredChecks);
        Assert.True(config.Gate.AutoMerge);
        Assert.Equal(GateMergeMethod.Rebase, config.Gate.MergeMethod);
    }

    [Fact]
    public void Without_the_sections_the_defaults_apply_and_tests_join_only_with_a_test_command()
    {
        var plain = Valid(ParseYml("trigger_label: agent\n"));
        var withTests = Valid(ParseYml("test_command: npm test\n"));

        Assert.Equal(ReviewSettings.Default, plain.Reviews with { Agents = ReviewSettings.Default.Agents });
        Assert.Equal([ReviewAgentKind.Security, ReviewAgentKind.Judge], plain.Reviews.Agents);
        Assert.Equal([ReviewAgentKind.Security, ReviewAgentKind.Tests, ReviewAgentKind.Judge], withTests.Reviews.Agents);
        Assert.Equal(GateSettings.Default, plain.Gate);
        Assert.Null(plain.Gate.RequiredChecks);
        Assert.Equal(ReviewScope.GitBot, plain.Reviews.Scope);
        Assert.Equal(GateMergeMethod.Squash, plain.Gate.MergeMethod);
    }

    [Theory]
    [InlineData("reviews:\n  pull_requests: gitbot\n", ReviewScope.GitBot)]
    [InlineData("reviews:\n  pull_requests: all\n", ReviewScope.All)]
    [InlineData("reviews:\n  pull_requests:\n", ReviewScope.GitBot)]
    public void The_review_scope_is_read(string yml, ReviewScope scope) => Assert.Equal(scope, Valid(ParseYml(yml)).Reviews.Scope);

    [Theory]
    [InlineData("merge", GateMergeMethod.Merge)]
    [InlineData("squash", GateMergeMethod.Squash)]
    [InlineData("rebase", GateMergeMethod.Rebase)]
    public void Each_merge_method_is_read(string method, GateMergeMethod expected) =>
        Assert.Equal(expected, Valid(ParseYml($"gate:\n  merge_method: {method}\n")).Gate.MergeMethod);

    [Fact]
    public void Empty_lists_are_allowed_and_kept_empty()
    {
        var config = Valid(ParseYml("reviews:\n  agents: []\ngate:\n  required_approvals: 0\n  required_checks: []\n"));

        Assert.Empty(config.Reviews.Agents);
        Assert.Equal(0, config.Gate.RequiredApprovals);
        Assert.NotNull(config.Gate.RequiredChecks);
        Assert.Empty(config.Gate.RequiredChecks);
    }

    [Fact]
    public void The_tests_check_may_be_required_when_the_tests_agent_runs_by_default()
    {
        var config = Valid(ParseYml("test_command: [make, check]\ngate:\n  required_checks: [gitbot/tests]\n"));

        Assert.Equal(["gitbot/tests"], config.Gate.RequiredChecks);
    }

    [Theory]
    [InlineData("reviews: true\n", "reviews", 1, "expected a mapping")]
    [InlineData("gate: [a]\n", "gate", 1, "expected a mapping")]
    [InlineData("reviews:\n  pull_requests: mine\n", "reviews.pull_requests", 2, "unknown value `mine`; allowed: `gitbot`, `all`")]
    [InlineData("reviews:\n  pull_requests: al\n", "reviews.pull_requests", 2, "did you mean `all`?")]
    [InlineData("reviews:\n  pull_requests: [all]\n", "reviews.pull_requests", 2, "expected a string, got a list")]
    [InlineData("reviews:\n  agents: security\n", "reviews.agents", 2, "expected a list of strings")]
    [InlineData("reviews:\n  agents: [security, linter]\n", "reviews.agents[1]", 2, "unknown review agent `linter`; allowed: `security`, `tests`, `judge`")]
    [InlineData("reviews:\n  agents:\n    - judge\n    - secrity\n", "reviews.agents[1]", 4, "did you mean `security`?")]
    [InlineData("reviews:\n  agents:\n    - judge\n    - [x]\n", "reviews.agents[1]", 4, "expected a string, got a list")]
    [InlineData("reviews:\n  agents: [Security]\n", "reviews.agents[0]", 2, "unknown review agent `Security`")]
    [InlineData("reviews:\n  agents:\n    - judge\n    - security\n    - judge\n", "reviews.agents[2]", 5, "`judge` is listed twice (first at `reviews.agents[0]`)")]
    [InlineData("reviews:\n  agents: [tests]\n", "reviews.agents[0]", 2, "reviews.agents includes tests but test_command is not set")]
    [InlineData("test_command: []\nreviews:\n  agents: [security, tests]\n", "reviews.agents[1]", 3, "reviews.agents includes tests but test_command is not set")]
    [InlineData("reviews:\n  model: \"--evil\"\n", "reviews.model", 2, "not a model name")]
    [InlineData("reviews:\n  model: [a]\n", "reviews.model", 2, "expected a string")]
    [InlineData("reviews:\n  security_llm: yes\n", "reviews.security_llm", 2, "expected `true` or `false`, got `yes`")]
    [InlineData("reviews:\n  test_timeout_minutes: 0\n", "reviews.test_timeout_minutes", 2, "must be from 1 to 240, got 0")]
    [InlineData("reviews:\n  test_timeout_minutes: 241\n", "reviews.test_timeout_minutes", 2, "must be from 1 to 240")]
    [InlineData("reviews:\n  test_timeout_minutes: 20m\n", "reviews.test_timeout_minutes", 2, "expected a whole number from 1 to 240, got `20m`")]
    [InlineData("reviews:\n  test_timeout_minutes: \"20\"\n", "reviews.test_timeout_minutes", 2, "got the string `20`")]
    [InlineData("reviews:\n  modle: x\n", "reviews.modle", 2, "did you mean `model`?")]
    [InlineData("gate:\n  required_approvals: 11\n", "gate.required_approvals", 2, "must be from 0 to 10, got 11")]
    [InlineData("gate:\n  required_approvals: -1\n", "gate.required_approvals", 2, "must be from 0 to 10")]
    [InlineData("gate:\n  required_approvals: one\n", "gate.required_approvals", 2, "expected a whole number")]
    [InlineData("gate:\n  required_checks: gitbot/judge\n", "gate.required_checks", 2, "expected a list of strings")]
    [InlineData("gate:\n  required_checks: [gitbot/judge, gitbot/judge]\n", "gate.required_checks[1]", 2, "`gitbot/judge` is listed twice")]
    [InlineData("gate:\n  required_checks: [gitbot/judge, ci/build]\n", "gate.required_checks[1]", 2, "`ci/build` is not a check GitBot reports; the gate counts only GitBot's own check runs: `gitbot/security`, `gitbot/tests`, `gitbot/judge`")]
    [InlineData("gate:\n  required_checks:\n    - gitbot/gate\n", "gate.required_checks[0]", 3, "cannot be one of its requirements")]
    [InlineData("gate:\n  auto_merge: \"true\"\n", "gate.auto_merge", 2, "expected `true` or `false`, got the string `true`")]
    [InlineData("gate:\n  merge_method: fast-forward\n", "gate.merge_method", 2, "unknown value `fast-forward`; allowed: `merge`, `squash`, `rebase`")]
    [InlineData("gate:\n  merge_method: Squash\n", "gate.merge_method", 2, "did you mean `squash`?")]
    [InlineData("gate:\n  auto-merge: true\n", "gate.auto-merge", 2, "did you mean `auto_merge`?")]
    [InlineData("auto_merge: true\n", "auto_merge", 1, "did you mean `gate.auto_merge`?")]
    [InlineData("security_llm: false\n", "security_llm", 1, "did you mean `reviews.security_llm`?")]
    public void Each_invalid_value_is_reported_at_its_key_and_line(string yml, string key, int line, string message)
    {
        var problem = SingleProblem(ParseYml(yml));

        Assert.Equal(".github/gitbot.yml", problem.File);
        Assert.Equal(key, problem.Key);
        Assert.Equal(line, problem.Line);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_test_command_is_reported_once_not_again_as_missing_for_the_tests_agent()
    {
        var problem = SingleProblem(ParseYml("test_command: [\"--x\"]\nreviews:\n  agents: [tests]\ngate:\n  required_checks: [gitbot/tests]\n"));

        Assert.Equal("test_command[0]", problem.Key);
    }

    [Fact]
    public void A_bad_agent_list_does_not_also_fail_the_required_checks_that_depend_on_it()
    {
        var problem = SingleProblem(ParseYml("reviews:\n  agents: [security, lint]\ngate:\n  required_checks: [gitbot/judge]\n"));

        Assert.Equal("reviews.agents[1]", problem.Key);
    }

    [Fact]
    public void Every_problem_in_both_sections_is_reported_at_once_in_line_order()
    {
        var result = ParseYml("""
            reviews:
              pull_requests: some
              agents: [security, security]
              test_timeout_minutes: 999
            gate:
              required_approvals: 20
              merge_method: ff
            """);

        Assert.Null(result.Config);
        Assert.Equal(
            ["reviews.pull_requests", "reviews.agents[1]", "reviews.test_timeout_minutes", "gate.required_approvals", "gate.merge_method"],
            result.Problems.Select(p => p.Key));
        Assert.Equal([2, 3, 4, 6, 7], result.Problems.Select(p => p.Line ?? 0));
    }

    [Fact]
    public void Values_written_with_no_value_keep_their_defaults()
    {
        var config = Valid(ParseYml("reviews:\n  agents:\n  model: ~\n  security_llm: null\ngate:\n  required_checks:\n  merge_method:\n"));

        // Records compare lists by reference, so the agents are compared on their own.
        Assert.Equal(ReviewSettings.Default, config.Reviews with { Agents = ReviewSettings.Default.Agents });
        Assert.Equal(ReviewSettings.Default.Agents, config.Reviews.Agents);
        Assert.Equal(GateSettings.Default, config.Gate);
    }

    [Fact]
    public void The_problems_render_with_their_key_and_line()
    {
        var result = ParseYml("reviews:\n  agents: [tests]\n");

        var comment = ConfigProblemsRenderer.Render(result.Problems);

        // Keys become code spans; prose is Markdown-escaped.
        Assert.Contains("` reviews.agents[0] `", comment, StringComparison.Ordinal);
        Assert.Contains("includes tests but test\\_command is not set", comment, StringComparison.Ordinal);
    }
}
