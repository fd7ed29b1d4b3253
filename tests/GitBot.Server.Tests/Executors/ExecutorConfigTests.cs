using GitBot.Agents.Configuration;
using GitBot.Core.Executors;

namespace GitBot.Server.Tests.Executors;

/// <summary><c>executor</c> and <c>actions</c> in <c>.github/gitbot.yml</c>: defaults, values, and problems with key and line.</summary>
public sealed class ExecutorConfigTests
{
    private static RepoConfigParseResult Parse(string yml) =>
        RepoConfigParser.Parse(new Dictionary<string, string> { [".github/gitbot.yml"] = yml });

    [Fact]
    public void Without_settings_tasks_run_on_workers_with_the_documented_actions_defaults()
    {
        var config = Parse("trigger_label: agent\n").Config!;
        Assert.Equal(new ExecutorSettings(ExecutorKind.Workers, "gitbot-task.yml", null, TimeSpan.FromMinutes(30)), config.Executor);
    }

    [Fact]
    public void Actions_executor_with_workflow_ref_and_timeout_is_read()
    {
        var result = Parse("executor: actions\nactions:\n  workflow: agents.yaml\n  ref: release/v2\n  timeout: 45m\n");
        Assert.Empty(result.Problems);
        Assert.Equal(new ExecutorSettings(ExecutorKind.Actions, "agents.yaml", "release/v2", TimeSpan.FromMinutes(45)), result.Config!.Executor);
    }

    [Fact]
    public void Bad_values_are_problems_naming_file_key_and_line()
    {
        var result = Parse("executor: runners\nactions:\n  workflow: ../evil.sh\n  ref: 'a b'\n  timeout: forever\n  tiemout: 5m\n");
        Assert.Null(result.Config);
        var problems = result.Problems.Select(p => (p.Key, p.Line)).ToList();
        Assert.Contains(("executor", 1), problems);
        Assert.Contains(("actions.workflow", 3), problems);
        Assert.Contains(("actions.ref", 4), problems);
        Assert.Contains(("actions.timeout", 5), problems);
        Assert.Contains(result.Problems, p => p.Message.Contains("timeout", StringComparison.Ordinal) && p.Line == 6);
        Assert.All(result.Problems, p => Assert.Equal(".github/gitbot.yml", p.File));
    }
}
