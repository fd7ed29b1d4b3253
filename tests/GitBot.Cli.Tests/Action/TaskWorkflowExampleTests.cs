using YamlDotNet.RepresentationModel;

namespace GitBot.Cli.Tests.Action;

/// <summary>
/// <c>action/examples/gitbot-task.yml</c>, the workflow the <c>actions</c> executor dispatches: it takes exactly the
/// inputs GitBot sends, asks for no more than it needs, never splices an input into a script, and runs
/// <c>gitbot run-task</c> with them.
/// </summary>
public sealed class TaskWorkflowExampleTests
{
    private static readonly string Path_ = Deploy.DeployFiles.PathOf(System.IO.Path.Combine("action", "examples", "gitbot-task.yml"));

    [Fact]
    public void It_is_dispatched_with_the_three_inputs_GitBot_sends()
    {
        var on = Map(Load(), "on");
        Assert.Equal(["workflow_dispatch"], on.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        var inputs = Map(Map(on, "workflow_dispatch"), "inputs");
        Assert.Equal(["task", "callback_token", "gitbot_url"], inputs.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.All(inputs.Children.Values, input => Assert.Equal("true", Scalar((YamlMappingNode)input, "required")));
    }

    [Fact]
    public void It_asks_only_to_push_and_never_splices_an_input_into_a_script()
    {
        var root = Load();
        var permissions = Map(root, "permissions");
        Assert.Equal([("contents", "write")], permissions.Children.Select(p => (((YamlScalarNode)p.Key).Value, ((YamlScalarNode)p.Value).Value)));
        var text = File.ReadAllText(Path_);
        Assert.DoesNotContain("pull_request_target", text, StringComparison.Ordinal);

        var steps = (YamlSequenceNode)Map(Map(root, "jobs"), "task").Children[new YamlScalarNode("steps")];
        var scripts = steps.Children.Cast<YamlMappingNode>().Where(s => s.Children.ContainsKey(new YamlScalarNode("run"))).Select(s => Scalar(s, "run")).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, script => Assert.DoesNotContain("${{", script, StringComparison.Ordinal));
        var run = Assert.Single(scripts, s => s.Contains("run-task", StringComparison.Ordinal));
        Assert.Contains("--task \"$TASK\" --callback-token \"$CALLBACK_TOKEN\" --gitbot-url \"$GITBOT_URL\"", run, StringComparison.Ordinal);
        Assert.Contains(scripts, s => s.Contains("::add-mask::$CALLBACK_TOKEN", StringComparison.Ordinal));
    }

    private static YamlMappingNode Load()
    {
        using var reader = new StreamReader(Path_);
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value ?? string.Empty;
}
