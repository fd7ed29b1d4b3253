using YamlDotNet.RepresentationModel;

namespace GitBot.Cli.Tests.Action;

/// <summary>
/// <c>action/action.yml</c> and the example workflows, parsed: the inputs and outputs the README promises, the API key
/// without a default, no <c>pull_request_target</c>, least-privilege permissions and a concurrency group per issue/PR.
/// </summary>
public sealed class ActionFilesTests
{
    private static readonly string ActionDirectory = FindActionDirectory();

    public static TheoryData<string> Workflows => new() { "self-hosted.yml", "github-hosted.yml" };

    [Fact]
    public void The_action_declares_its_inputs_and_outputs_and_gives_the_API_key_no_default()
    {
        var root = Load(Path.Combine(ActionDirectory, "action.yml"));
        var inputs = Map(root, "inputs");
        foreach (var name in new[] { "config-path", "role-overrides", "model", "budget-usd", "anthropic-api-key", "github-token", "timeout-minutes", "gitbot-path", "docker-image" })
        {
            Assert.True(inputs.Children.ContainsKey(name), $"input {name} missing");
            Assert.False(string.IsNullOrWhiteSpace(Scalar(Map(inputs, name), "description")), $"input {name} has no description");
        }

        Assert.False(Map(inputs, "anthropic-api-key").Children.ContainsKey("default"));
        Assert.Equal(".github/gitbot.yml", Scalar(Map(inputs, "config-path"), "default"));
        Assert.Equal("${{ github.token }}", Scalar(Map(inputs, "github-token"), "default"));
        var outputs = Map(root, "outputs");
        foreach (var name in new[] { "task-states", "pull-request", "cost-usd" })
        {
            Assert.Equal($"${{{{ steps.run.outputs.{name} }}}}", Scalar(Map(outputs, name), "value"));
        }

        var runs = Map(root, "runs");
        Assert.Equal("composite", Scalar(runs, "using"));
        var step = (YamlMappingNode)((YamlSequenceNode)runs.Children[new YamlScalarNode("steps")]).Children[0];
        Assert.Contains("run-event", Scalar(step, "run"), StringComparison.Ordinal);
        Assert.Equal("${{ inputs.anthropic-api-key }}", Scalar(Map(step, "env"), "GITBOT_ACTION_ANTHROPIC_API_KEY"));
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Example_workflows_use_least_privilege_no_pull_request_target_and_a_concurrency_group(string file)
    {
        var text = File.ReadAllText(Path.Combine(ActionDirectory, "examples", file));
        var root = Load(Path.Combine(ActionDirectory, "examples", file));

        Assert.DoesNotContain("pull_request_target", text, StringComparison.Ordinal);
        var events = Map(root, "on").Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(new HashSet<string>(["issues", "issue_comment", "pull_request", "pull_request_review"], StringComparer.Ordinal), events);

        var permissions = Map(root, "permissions").Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value!, StringComparer.Ordinal);
        var allowed = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["contents"] = "write",
            ["issues"] = "write",
            ["pull-requests"] = "write",
            ["checks"] = "write",
            ["statuses"] = "write",
        };
        Assert.Equal(allowed, permissions);

        var concurrency = Map(root, "concurrency");
        Assert.Equal("gitbot-${{ github.event.issue.number || github.event.pull_request.number }}", Scalar(concurrency, "group"));
        var job = Map(Map(root, "jobs"), "gitbot");
        Assert.Contains("head.repo.full_name == github.repository", Scalar(job, "if"), StringComparison.Ordinal);
        var steps = ((YamlSequenceNode)job.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>().ToList();
        var gitbot = steps.Single(s => s.Children.ContainsKey("uses") && Scalar(s, "uses").EndsWith("/action@v1", StringComparison.Ordinal));
        Assert.Equal("${{ secrets.ANTHROPIC_API_KEY }}", Scalar(Map(gitbot, "with"), "anthropic-api-key"));
    }

    [Fact]
    public void The_self_hosted_example_runs_on_self_hosted_linux()
    {
        var job = Map(Map(Load(Path.Combine(ActionDirectory, "examples", "self-hosted.yml")), "jobs"), "gitbot");
        var labels = ((YamlSequenceNode)job.Children[new YamlScalarNode("runs-on")]).Children.Select(n => ((YamlScalarNode)n).Value).ToList();
        Assert.Equal(["self-hosted", "linux"], labels);
    }

    private static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value ?? string.Empty;

    private static string FindActionDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "action", "action.yml")))
            {
                return Path.Combine(dir.FullName, "action");
            }
        }

        throw new InvalidOperationException("action/action.yml not found above " + AppContext.BaseDirectory);
    }
}
