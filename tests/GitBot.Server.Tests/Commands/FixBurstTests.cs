using GitBot.Server.Tests.Feedback;
using GitBot.Server.Tests.Plans;
using GitBot.Workflows.Commands;

namespace GitBot.Server.Tests.Commands;

/// <summary>
/// A burst of 100 identical <c>/agent fix</c> comments on one pull request, end to end with the default burst limit:
/// one job, one agent run, one commit, one notice. The commands past the limit get neither a reaction nor a reply; the
/// admitted ones after the first are coalesced into its job.
/// </summary>
public sealed class FixBurstTests
{
    private const int DefaultLimit = 10;

    [Fact]
    public async Task One_hundred_fix_commands_make_one_job_one_commit_and_one_notice()
    {
        // The default limit (10 per window); a longer window keeps the count exact however slowly deliveries are processed.
        await using var flow = await FlowHarness.StartAsync(FixFlow.Script(),
            new Dictionary<string, string> { [".github/gitbot.yml"] = "limits:\n  task_timeout: 3m\nreviews:\n  agents: []\n" },
            new Dictionary<string, string?> { ["Commands:BurstWindow"] = "00:10:00" });
        var pull = await FeedbackFlow.OpenPullAsync(flow);
        // The job waits in the queue until every command was handled, so "pending" holds for all of them.
        await FixFlow.PauseAsync(flow);

        var burst = new List<long>();
        for (var index = 0; index < 100; index++)
        {
            burst.Add((await flow.GitHub.CommentAsync(FlowHarness.Repo, pull.Number, FixFlow.Command, "alice", CancellationToken.None)).Id);
        }

        foreach (var id in burst)
        {
            await CommandWait.CommentProcessedAsync(flow.GitHub, flow.Server, id);
        }

        Assert.Equal(1, await FixFlow.JobsAsync(flow));
        await FixFlow.ResumeAsync(flow);
        await FeedbackFlow.UntilAsync(async () => await FixFlow.JobsAsync(flow) == 0, "the fix job to finish");

        var comments = flow.GitHub.GetIssue(FlowHarness.Repo, pull.Number)!.Comments;
        var describe = CommandWait.Describe(flow.GitHub, pull.Number);
        var notice = Assert.Single(comments, c => c.Body.Contains("Too many commands", StringComparison.Ordinal));
        Assert.Contains($"Too many commands on #{pull.Number}", notice.Body, StringComparison.Ordinal);

        // Exactly the admitted commands were answered: one ran and pushed, the others were coalesced into it.
        var answered = burst.Where(id => comments.Any(c => c.Body.Contains($"gitbot:command:comment:{id}", StringComparison.Ordinal))).ToList();
        Assert.True(answered.Count == DefaultLimit + 1, $"{answered.Count} answered\n{describe}"); // the limit, plus the notice's comment
        var pushed = Assert.Single(answered, id => comments.Any(c => FixReply.Find(c.Body, id)?.State == FixReplyState.Pushed));
        var coalesced = comments.Count(c => c.Body.Contains("Already queued", StringComparison.Ordinal) && c.Body.Contains($"comment {FixFlow.Id(pushed)}", StringComparison.Ordinal));
        Assert.True(coalesced == DefaultLimit - 1, $"{coalesced} coalesced\n{describe}");

        // One agent run, one commit carrying the command that ran.
        Assert.Equal(1, FixFlow.Conversations(flow));
        Assert.Equal([FixFlow.Id(pushed)], await FixFlow.TrailersAsync(flow, pull.HeadSha, pull.Branch));
        var reacted = comments.Where(c => burst.Contains(c.Id) && c.Reactions.Count > 0).ToList();
        Assert.Equal(DefaultLimit, reacted.Count);
        Assert.Empty(flow.GitHub.RejectedRequests);
    }
}
