using System.Text.RegularExpressions;
using GitBot.Agents.Configuration;
using GitBot.Core.Configuration;
using GitBot.Core.Reviews.Reports;
using static GitBot.Agents.Tests.Configuration.ConfigTestFiles;

namespace GitBot.Agents.Tests.Configuration;

/// <summary>The examples in src/GitBot.Agents/Configuration/README.md parse as documented, so the docs cannot drift.</summary>
public sealed partial class ReadmeExampleTests
{
    [Fact]
    public void The_documented_gitbot_yml_and_role_file_are_valid()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "GitBot.Agents", "Configuration", "README.md"));
        var yaml = Fence("yaml").Match(readme);
        var markdown = Fence("markdown").Match(readme);
        Assert.True(yaml.Success && markdown.Success, "README examples not found");

        var config = Valid(Parse(
            (RepoConfigFiles.ConfigPath, yaml.Groups["body"].Value),
            (".claude/agents/reviewer.md", markdown.Groups["body"].Value)));

        Assert.Equal("agent", config.TriggerLabel);
        Assert.True(config.PlanApproval);
        Assert.Equal(["dotnet", "test"], config.TestCommand);
        Assert.Equal(4, config.Limits.MaxParallelTasks);
        Assert.Equal(TimeSpan.FromMinutes(45), config.Limits.TaskTimeout);
        Assert.Equal(15m, config.Limits.IssueBudgetUsd);
        Assert.Equal(["aider", "--yes", "--message", "{prompt}"], config.Roles["aider"].Command);
        Assert.Equal(["my-agent", "--non-interactive"], config.Roles["stdin-agent"].Command);
        Assert.Equal("You write database migrations. Every migration must be reversible.", config.Roles["migrations"].Prompt);
        Assert.Equal("sonnet", config.Roles["reviewer"].Model);
        Assert.Equal(ReviewScope.All, config.Reviews.Scope);
        Assert.Equal([ReviewAgentKind.Security, ReviewAgentKind.Tests, ReviewAgentKind.Judge], config.Reviews.Agents);
        Assert.Equal(TimeSpan.FromMinutes(30), config.Reviews.TestTimeout);
        Assert.Equal(2, config.Gate.RequiredApprovals);
        Assert.Equal(["gitbot/security", "gitbot/tests", "gitbot/judge"], config.Gate.RequiredChecks);
        Assert.Equal(GateMergeMethod.Squash, config.Gate.MergeMethod);
    }

    private static Regex Fence(string language) =>
        new($"```{language}\\n(?<body>.*?)```", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GitBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("GitBot.sln not found above " + AppContext.BaseDirectory);
    }
}
