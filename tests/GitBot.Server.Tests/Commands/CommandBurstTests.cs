using GitBot.Server.Tests.Plans;

namespace GitBot.Server.Tests.Commands;

/// <summary>
/// The per-issue burst limit end to end: a flood of <c>/agent</c> comments gets at most the limit's answers and one
/// notice, the rest neither a reaction nor a reply, and another issue is still answered.
/// </summary>
public sealed class CommandBurstTests
{
    private const int Limit = 3;

    [Fact]
    public async Task A_burst_of_100_commands_yields_at_most_the_limits_replies_and_one_notice()
    {
        // A long window keeps the count exact however slowly the deliveries are processed.
        await using var flow = await FlowHarness.StartAsync(FailureFlow.NoModel(), new Dictionary<string, string>(), new Dictionary<string, string?>
        {
            ["Commands:BurstLimit"] = "3",
            ["Commands:BurstWindow"] = "01:00:00",
        });
        var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Busy", "Lots of questions.", "alice", null, CancellationToken.None);

        var burst = new List<long>();
        for (var index = 0; index < 100; index++)
        {
            burst.Add((await flow.GitHub.CommentAsync(FlowHarness.Repo, issue, "/agent status", "alice", CancellationToken.None)).Id);
        }

        foreach (var id in burst)
        {
            await CommandWait.CommentProcessedAsync(flow.GitHub, flow.Server, id);
        }

        var comments = flow.GitHub.GetIssue(FlowHarness.Repo, issue)!.Comments;
        var replies = comments.Where(c => c.Body.Contains("gitbot:command:comment:", StringComparison.Ordinal)).ToList();
        var describe = CommandWait.Describe(flow.GitHub, issue);
        Assert.True(replies.Count <= Limit + 1, describe);
        var notice = Assert.Single(replies, r => r.Body.Contains("Too many commands", StringComparison.Ordinal));
        Assert.Contains($"Too many commands on #{issue}: the next ones in the coming minute are ignored; try again later.", notice.Body, StringComparison.Ordinal);
        Assert.Equal(Limit, replies.Count(r => r.Body.Contains("/agent status", StringComparison.Ordinal)));

        // Only the answered commands were reacted to; the notice's comment and the silent ones got nothing.
        var reacted = comments.Where(c => burst.Contains(c.Id) && c.Reactions.Count > 0).ToList();
        Assert.Equal(Limit, reacted.Count);
        Assert.All(reacted, c => Assert.Contains("eyes", c.Reactions));

        // The limit is per issue: another issue is answered as usual.
        var other = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Quiet", null, "alice", null, CancellationToken.None);
        var control = await flow.GitHub.CommentAsync(FlowHarness.Repo, other, "/agent help", "alice", CancellationToken.None);
        Assert.DoesNotContain("Too many", (await CommandWait.ForReplyAsync(flow.GitHub, other, control.Id)).Body, StringComparison.Ordinal);
        Assert.Empty(flow.GitHub.RejectedRequests);
    }
}
