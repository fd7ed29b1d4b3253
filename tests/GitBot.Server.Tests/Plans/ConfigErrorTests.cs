using GitBot.Agents.Configuration;

namespace GitBot.Server.Tests.Plans;

/// <summary>A repository config that does not validate gets one comment naming the key, and nothing runs.</summary>
public sealed class ConfigErrorTests
{
    [Fact]
    public async Task Invalid_config_gets_one_comment_naming_the_key_and_no_plan()
    {
        await using var flow = await FlowHarness.StartAsync(FailureFlow.NoModel(), new Dictionary<string, string>
        {
            [".github/gitbot.yml"] = "limits: { max_parallel_tasks: \"many\" }\n",
        });

        var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Do things", "- [ ] One thing", "alice", ["agent"], CancellationToken.None);
        await FailureFlow.UntilAsync(
            () => FailureFlow.Issue(flow, issue).Comments.Any(c => c.Body.Contains(ConfigProblemsRenderer.Marker, StringComparison.Ordinal)),
            "the config-error comment");
        await flow.GitHub.WaitForDeliveriesAsync(CancellationToken.None);

        var github = FailureFlow.Issue(flow, issue);
        var comment = Assert.Single(github.Comments);
        Assert.Contains("<!-- gitbot:config-error -->", comment.Body, StringComparison.Ordinal);
        Assert.Contains("limits.max_parallel_tasks", comment.Body, StringComparison.Ordinal);
        Assert.Contains("eyes", github.Reactions);
        Assert.Null(await flow.Plans.FindLatestAsync(FlowHarness.Repo, issue, CancellationToken.None));
        Assert.Equal(0L, await flow.Server.ScalarAsync<long>("SELECT COUNT(*) FROM plans"));
    }
}
