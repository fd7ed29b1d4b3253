using GitBot.Server.Tests.Feedback;
using GitBot.Server.Tests.Plans;
using GitBot.Workflows.Commands;

namespace GitBot.Server.Tests.Commands;

/// <summary>
/// <c>/agent fix</c> end to end: a writer's instructions reach the real Claude Code CLI (against the scripted model) as
/// fenced text, the agent edits the file they name, GitBot commits with its trailers and pushes to the pull request's
/// branch, and the command's reply says what was pushed.
/// </summary>
public sealed class FixCommandTests
{
    [Fact]
    public async Task A_writers_fix_is_committed_with_its_trailers_and_pushed_to_the_pull_request_branch()
    {
        await using var flow = await FixFlow.StartAsync();
        var pull = await FeedbackFlow.OpenPullAsync(flow);

        var comment = await flow.GitHub.CommentAsync(FlowHarness.Repo, pull.Number, FixFlow.Command, "alice", CancellationToken.None);
        var reply = await FixFlow.ForStateAsync(flow, pull.Number, comment.Id, FixReplyState.Pushed);

        // One new commit on top of the head the command saw: the bot's, with both trailers, and the file as the agent edited it.
        var moved = flow.GitHub.GetPullRequest(FlowHarness.Repo, pull.Number)!;
        var bare = flow.Repository.BareRepositoryPath;
        Assert.Equal(pull.HeadSha, (await FlowHarness.GitAsync(bare, "rev-parse", $"{moved.HeadSha}^")).Trim());
        var commit = await FlowHarness.GitAsync(bare, "log", "-1", "--format=%an%n%(trailers:key=GitBot-Fix,valueonly)%(trailers:key=GitBot-Agent,valueonly)", moved.HeadSha);
        var lines = commit.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("gitbot[bot]", lines[0]);
        Assert.Equal(FixFlow.Id(comment.Id), lines[1].Trim());
        Assert.Equal("coder (claude)", lines[2].Trim());
        Assert.Equal(FeedbackFlow.Fixed, await FlowHarness.GitAsync(bare, "show", $"{moved.HeadSha}:{FeedbackFlow.File}"));

        // The reply names the pushed commit and mentions nobody; the comment got 👀 and 🚀, not 😕.
        Assert.Contains($"pushed `{moved.HeadSha[..7]}`", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("@", reply.Body, StringComparison.Ordinal);
        var reacted = await CommandWait.ForReactionAsync(flow.GitHub, pull.Number, comment.Id, "rocket");
        Assert.Contains("eyes", reacted.Reactions);
        Assert.DoesNotContain("confused", reacted.Reactions);

        // The model got the instructions fenced as untrusted text, once.
        var first = Assert.Single(flow.Model.Requests, r => r.IsMessages && r.AssistantTurns == 0 && r.FirstUserText.Contains(FixPromptBuilder.Heading, StringComparison.Ordinal));
        Assert.Contains("<fix_instructions>\nrename wrold to world in notes.txt\n</fix_instructions>", first.FirstUserText, StringComparison.Ordinal);
        Assert.Equal(0, await FixFlow.JobsAsync(flow));
        Assert.Empty(flow.GitHub.RejectedRequests);
    }

    [Fact]
    public async Task Duplicate_commands_run_once_and_a_different_one_waits_for_the_first()
    {
        await using var flow = await FixFlow.StartAsync();
        var pull = await FeedbackFlow.OpenPullAsync(flow);
        await FixFlow.PauseAsync(flow);

        var first = await flow.GitHub.CommentAsync(FlowHarness.Repo, pull.Number, FixFlow.Command, "alice", CancellationToken.None);
        await FixFlow.ForStateAsync(flow, pull.Number, first.Id, FixReplyState.Queued);
        var same = await flow.GitHub.CommentAsync(FlowHarness.Repo, pull.Number, FixFlow.Command, "alice", CancellationToken.None);
        var other = await flow.GitHub.CommentAsync(FlowHarness.Repo, pull.Number, "/agent fix also add a second line", "alice", CancellationToken.None);

        var coalesced = await CommandWait.ForReplyAsync(flow.GitHub, pull.Number, same.Id);
        Assert.Contains("Already queued", coalesced.Body, StringComparison.Ordinal);
        Assert.Contains($"comment {FixFlow.Id(first.Id)}", coalesced.Body, StringComparison.Ordinal);
        var busy = await CommandWait.ForReplyAsync(flow.GitHub, pull.Number, other.Id);
        Assert.Contains("Try again when it finishes", busy.Body, StringComparison.Ordinal);
        await CommandWait.ForReactionAsync(flow.GitHub, pull.Number, other.Id, "confused");

        // The first comment delivered again while its job waits: still one job.
        var original = await CommandWait.DeliveryOfCommentAsync(flow.GitHub, first.Id);
        await ReplayAsync(flow, original.RequestBody);
        Assert.Equal(1, await FixFlow.JobsAsync(flow));

        await FixFlow.ResumeAsync(flow);
        var done = await FixFlow.ForStateAsync(flow, pull.Number, first.Id, FixReplyState.Pushed);

        // Delivered again after it finished: the reply stays as it is and nothing runs.
        await CommandWait.ProcessedAsync(flow.Server, await ReplayAsync(flow, original.RequestBody));
        await FeedbackFlow.UntilAsync(async () => await FixFlow.JobsAsync(flow) == 0, "the fix jobs to be gone");
        Assert.Equal(1, FixFlow.Conversations(flow));
        Assert.Equal([FixFlow.Id(first.Id)], await FixFlow.TrailersAsync(flow, pull.HeadSha, pull.Branch));
        Assert.Equal(done.Body, (await CommandWait.ForReplyAsync(flow.GitHub, pull.Number, first.Id)).Body);
        Assert.Null(FixReply.Find(busy.Body, other.Id));
    }

    private static async Task<string> ReplayAsync(FlowHarness flow, string body)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        var id = Guid.NewGuid().ToString();
        using var response = await flow.Server.PostAsync(id, bytes,
            GitBot.GitHub.Webhooks.WebhookSignatureVerifier.Sign(flow.GitHub.App.WebhookSecret, bytes), "issue_comment");
        Assert.True(response.IsSuccessStatusCode, $"replay answered {(int)response.StatusCode}");
        return id;
    }
}
