using GitBot.Agents.Configuration;
using static GitBot.Agents.Tests.Configuration.ConfigTestFiles;

namespace GitBot.Agents.Tests.Configuration;

public sealed class ConfigOverlayTests
{
    private static RepoConfigParseResult WithOverlay(string? yml, string overlay)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal) { [RepoConfigFiles.OverlayName] = overlay };
        if (yml is not null)
        {
            files[RepoConfigFiles.ConfigPath] = yml;
        }

        return RepoConfigParser.Parse(files);
    }

    [Fact]
    public void Mappings_merge_key_by_key_and_sequences_and_scalars_replace()
    {
        var config = Valid(WithOverlay(
            "branch_prefix: repo\ntest_command: [make, test]\nlimits:\n  max_turns: 7\n  max_tasks: 3\nroles:\n  backend:\n    model: repo-model\n    tools: [Read, Grep]\n",
            "test_command: [dotnet, test]\nlimits:\n  max_turns: 40\nroles:\n  backend:\n    tools: [Read]\n"));

        Assert.Equal("repo", config.BranchPrefix);
        Assert.Equal(["dotnet", "test"], config.TestCommand);
        Assert.Equal(40, config.Limits.MaxTurns);
        Assert.Equal(3, config.Limits.MaxTasks);
        Assert.Equal("repo-model", config.Roles["backend"].Model);
        Assert.Equal(["Read"], config.Roles["backend"].Tools);
    }

    [Fact]
    public void An_overlay_applies_without_a_repository_file_and_can_define_a_role()
    {
        var config = Valid(WithOverlay(null, "roles:\n  coder:\n    backend: command\n    command: [my-agent, '{prompt}']\n    model: claude-opus-4\n"));

        Assert.Equal("command", config.Roles["coder"].Backend);
        Assert.Equal(["my-agent", "{prompt}"], config.Roles["coder"].Command);
        Assert.Equal("claude-opus-4", config.Roles["coder"].Model);
    }

    [Fact]
    public void Model_override_sets_every_role_and_the_reviewers_and_beats_the_file()
    {
        var config = Valid(WithOverlay("roles:\n  backend:\n    model: repo-model\nreviews:\n  model: repo-review\n", "model_override: claude-x\n"));

        Assert.All(config.Roles.Values, role => Assert.Equal("claude-x", role.Model));
        Assert.Equal("claude-x", config.Reviews.Model);
    }

    [Fact]
    public void Model_override_is_not_a_key_of_the_repository_file()
    {
        var problem = SingleProblem(ParseYml("model_override: claude-x\n"));

        Assert.Equal(RepoConfigFiles.ConfigPath, problem.File);
        Assert.Equal("model_override", problem.Key);
    }

    [Fact]
    public void A_problem_in_the_overlay_names_the_action_input_and_its_key_path()
    {
        var result = WithOverlay("limits:\n  max_turns: 5\n", "roles:\n  coder:\n    max_turns: 40\nlimits:\n  max_turns: lots\n");

        Assert.Null(result.Config);
        Assert.All(result.Problems, p => Assert.Equal(RepoConfigFiles.OverlayName, p.File));
        Assert.Contains(result.Problems, p => p.Key == "roles.coder.max_turns" && p.Line == 3);
        Assert.Contains(result.Problems, p => p.Key == "limits.max_turns" && p.Line == 5);
    }

    [Fact]
    public void A_problem_in_the_file_still_names_the_file_when_an_overlay_is_merged()
    {
        var problem = SingleProblem(WithOverlay("limits:\n  max_turns: lots\n", "branch_prefix: ops\n"));

        Assert.Equal(RepoConfigFiles.ConfigPath, problem.File);
        Assert.Equal("limits.max_turns", problem.Key);
        Assert.Equal(2, problem.Line);
    }

    [Theory]
    [InlineData("roles: [coder\nlimits: {}\n")]
    [InlineData("- just\n- a list\n")]
    [InlineData("model_override: [a, b]\n")]
    public void A_malformed_overlay_is_a_problem_of_the_action_input(string overlay)
    {
        var result = WithOverlay("branch_prefix: repo\n", overlay);

        Assert.Null(result.Config);
        Assert.NotEmpty(result.Problems);
        Assert.All(result.Problems, p => Assert.Equal(RepoConfigFiles.OverlayName, p.File));
    }

    [Fact]
    public void The_config_path_entry_names_the_file_that_is_read()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [RepoConfigFiles.ConfigPathName] = "ops/gitbot.yaml",
            ["ops/gitbot.yaml"] = "branch_prefix: ops\nlimits:\n  max_turns: lots\n",
            [RepoConfigFiles.ConfigPath] = "branch_prefix: ignored\n",
        };

        var problem = SingleProblem(RepoConfigParser.Parse(files));
        Assert.Equal("ops/gitbot.yaml", problem.File);

        files["ops/gitbot.yaml"] = "branch_prefix: ops\n";
        Assert.Equal("ops", Valid(RepoConfigParser.Parse(files)).BranchPrefix);
    }

    [Theory]
    [InlineData(".github/gitbot.yml", true)]
    [InlineData("ops/gitbot.yaml", true)]
    [InlineData("gitbot.yml", true)]
    [InlineData("../gitbot.yml", false)]
    [InlineData("ops/../gitbot.yml", false)]
    [InlineData("/etc/gitbot.yml", false)]
    [InlineData("ops//gitbot.yml", false)]
    [InlineData("ops/gitbot.json", false)]
    [InlineData("ops\\gitbot.yml", false)]
    [InlineData("", false)]
    public void Only_relative_yaml_paths_inside_the_repository_are_config_paths(string path, bool valid)
    {
        Assert.Equal(valid, RepoConfigFiles.IsValidConfigPath(path));
    }

    [Fact]
    public void Node_settings_add_the_reserved_entries_only_when_set()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        NodeConfigSettings.None.AddTo(files);
        Assert.Empty(files);

        new NodeConfigSettings("ops/gitbot.yml", "branch_prefix: ops\n").AddTo(files);
        Assert.Equal("ops/gitbot.yml", files[RepoConfigFiles.ConfigPathName]);
        Assert.Equal("branch_prefix: ops\n", files[RepoConfigFiles.OverlayName]);
        Assert.Equal(RepoConfigFiles.ConfigPath, new NodeConfigSettings("../x.yml", null).EffectiveConfigPath);
    }
}
