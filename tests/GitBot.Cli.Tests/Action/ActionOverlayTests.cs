using GitBot.Agents.Configuration;
using GitBot.Cli.Action;

namespace GitBot.Cli.Tests.Action;

/// <summary>The Action's <c>config-path</c>, <c>role-overrides</c> and <c>model</c> inputs as node settings.</summary>
public sealed class ActionOverlayTests
{
    [Fact]
    public void Role_overrides_and_model_become_an_overlay_the_parser_applies()
    {
        var problems = new List<string>();
        var overlay = ActionOverlay.Overlay("coder: {tools: [Read]}\ndocs:\n  description: Docs only\n", "claude \"quoted\" \\ model", problems);

        Assert.Empty(problems);
        Assert.NotNull(overlay);
        var parsed = RepoConfigParser.Parse(new Dictionary<string, string>
        {
            [RepoConfigFiles.ConfigPath] = "roles:\n  coder:\n    model: repo-model\n",
            [RepoConfigFiles.OverlayName] = overlay,
        });
        Assert.True(parsed.Problems.Count == 0, string.Join("\n", parsed.Problems));
        Assert.Equal(["Read"], parsed.Config!.Roles["coder"].Tools);
        Assert.Equal("Docs only", parsed.Config.Roles["docs"].Description);
        Assert.All(parsed.Config.Roles.Values, role => Assert.Equal("claude \"quoted\" \\ model", role.Model));
    }

    [Fact]
    public void No_inputs_mean_no_overlay_and_the_usual_path()
    {
        var problems = new List<string>();

        Assert.Null(ActionOverlay.Overlay(null, null, problems));
        Assert.Null(ActionOverlay.ConfigPath(null, problems));
        Assert.Null(ActionOverlay.ConfigPath(".github/gitbot.yml", problems));
        Assert.Null(ActionOverlay.ConfigPath("./.github/gitbot.yml", problems));
        Assert.Empty(problems);
        Assert.Equal("ops/gitbot.yml", ActionOverlay.ConfigPath("./ops/gitbot.yml", problems));
    }

    [Fact]
    public void A_model_on_several_lines_is_refused()
    {
        var problems = new List<string>();

        Assert.Null(ActionOverlay.Overlay(null, "a\nroles: {}", problems));
        Assert.Equal("model must be one model name on one line.", Assert.Single(problems));
    }

    [Fact]
    public void The_settings_carry_the_inputs_multi_line_overrides_keep_their_indentation()
    {
        var eventFile = Path.GetTempFileName();
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["GITHUB_EVENT_NAME"] = "issues",
                ["GITHUB_EVENT_PATH"] = eventFile,
                ["GITHUB_REPOSITORY"] = "octo/widgets",
                ["GITHUB_TOKEN"] = "t",
                ["GITBOT_ACTION_CONFIG_PATH"] = "ops/gitbot.yml",
                ["GITBOT_ACTION_ROLE_OVERRIDES"] = "\ncoder:\n  model: big\n",
            };

            var (settings, problems) = ActionSettings.Read(name => environment.GetValueOrDefault(name));

            Assert.Empty(problems);
            Assert.Equal("ops/gitbot.yml", settings!.ConfigPath);
            Assert.Equal("roles:\n  coder:\n    model: big\n", settings.ConfigOverlay);
        }
        finally
        {
            File.Delete(eventFile);
        }
    }
}
