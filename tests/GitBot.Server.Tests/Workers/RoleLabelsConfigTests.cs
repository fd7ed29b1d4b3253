using GitBot.Agents.Configuration;
using GitBot.Workflows.Scheduling;

namespace GitBot.Server.Tests.Workers;

/// <summary>
/// <c>roles.&lt;name&gt;.labels</c> in <c>.github/gitbot.yml</c> and in a role file, and <c>Scheduler:Labels</c>: parsed
/// sorted and distinct, refused with file, key and line when malformed, and turned into the Quartz execution groups
/// that route a labelled task to a node having all its labels.
/// </summary>
public sealed class RoleLabelsConfigTests
{
    private const string Yml = ".github/gitbot.yml";

    [Fact]
    public void Role_labels_are_read_sorted_and_distinct_and_default_to_none()
    {
        var result = RepoConfigParser.Parse(new Dictionary<string, string>
        {
            [Yml] = "roles:\n  trainer:\n    description: Trains models\n    labels: [large, gpu, gpu]\n  plain:\n    description: Anything\n",
        });

        Assert.True(result.IsValid, string.Join("; ", result.Problems.Select(p => p.Message)));
        Assert.Equal(["gpu", "large"], result.Config!.Roles["trainer"].Labels);
        Assert.Empty(result.Config.Roles["plain"].Labels);
        Assert.Empty(result.Config.Roles["backend"].Labels);
    }

    [Fact]
    public void A_gitbot_yml_role_override_keeps_the_labels_of_the_role_file_it_overrides()
    {
        var result = RepoConfigParser.Parse(new Dictionary<string, string>
        {
            [".claude/agents/trainer.md"] = "---\nname: trainer\ndescription: Trains models\nlabels: gpu, large\n---\nTrain it.\n",
            [Yml] = "roles:\n  trainer:\n    model: claude-sonnet-4-5\n",
        });

        Assert.True(result.IsValid, string.Join("; ", result.Problems.Select(p => $"{p.File}:{p.Key}: {p.Message}")));
        Assert.Equal(["gpu", "large"], result.Config!.Roles["trainer"].Labels);
    }

    [Fact]
    public void A_malformed_label_is_reported_with_its_key_and_line()
    {
        var result = RepoConfigParser.Parse(new Dictionary<string, string>
        {
            [Yml] = "roles:\n  trainer:\n    description: Trains models\n    labels: [gpu, \"Big GPU\"]\n",
        });

        var problem = Assert.Single(result.Problems);
        Assert.Equal(Yml, problem.File);
        Assert.Equal("roles.trainer.labels[1]", problem.Key);
        Assert.Equal(4, problem.Line);
        Assert.Contains("`Big GPU` is not a node label", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_four_labels_on_a_role_are_refused()
    {
        var result = RepoConfigParser.Parse(new Dictionary<string, string>
        {
            [Yml] = "roles:\n  trainer:\n    description: Trains models\n    labels: [a, b, c, d, e]\n",
        });

        var problem = Assert.Single(result.Problems);
        Assert.Equal("roles.trainer.labels", problem.Key);
        Assert.Contains("at most 4", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_set_maps_to_one_execution_group_and_a_node_serves_every_subset_of_its_labels()
    {
        Assert.Null(NodeLabels.ExecutionGroup([]));
        Assert.Equal("labels:gpu+large", NodeLabels.ExecutionGroup(["large", "gpu"]));
        Assert.Equal(["_"], NodeLabels.ServedGroups(NodeLabels.Parse("")));

        var served = NodeLabels.ServedGroups(NodeLabels.Parse(" large,gpu ,gpu"));
        Assert.Equal(["_", "labels:gpu", "labels:large", "labels:gpu+large"], served);

        // A node labelled only gpu never serves a task needing gpu and large.
        Assert.DoesNotContain(NodeLabels.ExecutionGroup(["gpu", "large"]), NodeLabels.ServedGroups(["gpu"]));
    }

    [Fact]
    public void Malformed_or_too_many_node_labels_are_refused_with_the_setting_named()
    {
        var bad = Assert.Throws<InvalidOperationException>(() => NodeLabels.Parse("gpu,Big GPU"));
        Assert.Contains("Scheduler:Labels", bad.Message, StringComparison.Ordinal);
        var many = Assert.Throws<InvalidOperationException>(() => NodeLabels.Parse("a,b,c,d,e,f,g"));
        Assert.Contains("at most 6", many.Message, StringComparison.Ordinal);
    }
}
