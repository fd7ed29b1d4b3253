using GitBot.Core.Reviews.Runs;
using GitBot.Server.Tests.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace GitBot.Server.Tests.Commands;

/// <summary>
/// Who may use <c>/agent</c> commands, end to end on the real server and the simulator: help for anyone, nothing
/// that spends for a reader, no reaction at all to bots, to GitBot itself, to quoted or fenced lines or to edits, and
/// a refusal when the permission cannot be asked.
/// </summary>
public sealed class CommandAccessTests
{
    private static readonly Dictionary<string, string> NoConfig = [];

    [Fact]
    public async Task Help_is_open_to_a_read_only_user()
    {
        await using var flow = await FlowHarness.StartAsync(FailureFlow.NoModel(), NoConfig);
        var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Question", "How do I use GitBot?", "rita", null, CancellationToken.None);

        var comment = await flow.GitHub.CommentAsync(FlowHarness.Repo, issue, "/agent help", "rita", CancellationToken.None);

        var reply = await CommandWait.ForReplyAsync(flow.GitHub, issue, comment.Id);
        foreach (var usage in new[] { "/agent status", "/agent approve", "/agent review [security|tests|judge]", "/agent merge", "/agent fix <instructions>" })
        {
            Assert.Contains(usage, reply.Body, StringComparison.Ordinal);
        }

        Assert.Contains("| anyone |", reply.Body, StringComparison.Ordinal);
        Assert.Contains("write, maintain or admin", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("not available yet", reply.Body, StringComparison.Ordinal); // every verb is carried out now
        var reacted = await CommandWait.ForReactionAsync(flow.GitHub, issue, comment.Id, "rocket");
        Assert.Contains("eyes", reacted.Reactions);
        Assert.DoesNotContain("confused", reacted.Reactions);
        Assert.Empty(flow.GitHub.RejectedRequests);
    }

    [Fact]
    public async Task A_read_only_users_review_is_refused_with_a_reply_and_spends_nothing()
    {
        await using var flow = await FlowHarness.StartAsync(FailureFlow.NoModel(), NoConfig);
        var (number, head) = await OpenHumanPullRequestAsync(flow);

        var comment = await flow.GitHub.CommentAsync(FlowHarness.Repo, number, "/agent review", "rita", CancellationToken.None);

        var reply = await CommandWait.ForReplyAsync(flow.GitHub, number, comment.Id);
        Assert.Contains("@rita", reply.Body, StringComparison.Ordinal);
        Assert.Contains("write access", reply.Body, StringComparison.Ordinal);
        Assert.Contains("confused", (await CommandWait.ForReactionAsync(flow.GitHub, number, comment.Id, "confused")).Reactions);
        await CommandWait.CommentProcessedAsync(flow.GitHub, flow.Server, comment.Id);
        Assert.Empty(await Runs(flow).ListAsync(FlowHarness.Repo, number, CancellationToken.None));
        Assert.DoesNotContain(flow.GitHub.GetCheckRuns(FlowHarness.Repo), r => r.HeadSha == head);
        Assert.Empty(flow.Model.Requests);
    }

    [Fact]
    public async Task When_the_permission_API_fails_the_command_is_refused_with_a_reply()
    {
        await using var flow = await FlowHarness.StartAsync(FailureFlow.NoModel(), NoConfig);
        var (number, head) = await OpenHumanPullRequestAsync(flow);
        var fault = flow.GitHub.Faults.ServerError("repos/get-collaborator-permission-level", 500, times: 1000);

        var comment = await flow.GitHub.CommentAsync(FlowHarness.Repo, number, "/agent review security", "alice", CancellationToken.None);

        var reply = await CommandWait.ForReplyAsync(flow.GitHub, number, comment.Id);
        Assert.Contains("could not be checked", reply.Body, StringComparison.Ordinal);
        Assert.True(fault.Fired > 0, "the permission was never asked");
        await CommandWait.ForReactionAsync(flow.GitHub, number, comment.Id, "confused");
        Assert.Empty(await Runs(flow).ListAsync(FlowHarness.Repo, number, CancellationToken.None));
        Assert.DoesNotContain(flow.GitHub.GetCheckRuns(FlowHarness.Repo), r => r.HeadSha == head);
    }

    [Fact]
    public async Task Bots_and_GitBot_itself_are_ignored_unless_the_bot_is_allowlisted()
    {
        await using var flow = await FlowHarness.StartAsync(FailureFlow.NoModel(), NoConfig,
            new Dictionary<string, string?> { ["Commands:AllowedBots:0"] = "helper-bot" });
        flow.GitHub.AddBotUser("ci-robot");
        flow.GitHub.AddBotUser("helper-bot");
        var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Bots", null, "alice", null, CancellationToken.None);

        var fromBot = await flow.GitHub.CommentAsync(FlowHarness.Repo, issue, "/agent help", "ci-robot", CancellationToken.None);
        var fromSuffixBot = await flow.GitHub.CommentAsync(FlowHarness.Repo, issue, "/agent status", "other-app[bot]", CancellationToken.None);
        var app = flow.Server.App.Services.GetRequiredService<GitBot.GitHub.Clients.GitHubClientFactory>().ForInstallation(flow.Repository.InstallationId);
        var own = (await app.Issues.CreateCommentAsync("octo", "widgets", issue, "/agent help\n/agent merge", CancellationToken.None)).Value;
        var allowed = await flow.GitHub.CommentAsync(FlowHarness.Repo, issue, "/agent help", "helper-bot", CancellationToken.None);

        // The allowlisted bot is answered: the intake runs, so the silence for the others is its decision.
        await CommandWait.ForReplyAsync(flow.GitHub, issue, allowed.Id);
        foreach (var ignored in new[] { fromBot.Id, fromSuffixBot.Id, own.Id })
        {
            await CommandWait.CommentProcessedAsync(flow.GitHub, flow.Server, ignored);
            var comment = flow.GitHub.GetIssue(FlowHarness.Repo, issue)!.Comments.Single(c => c.Id == ignored);
            Assert.Empty(comment.Reactions);
            Assert.DoesNotContain(flow.GitHub.GetIssue(FlowHarness.Repo, issue)!.Comments,
                c => c.Body.Contains($"gitbot:command:comment:{ignored}", StringComparison.Ordinal));
        }

        Assert.Equal(flow.GitHub.App.BotLogin, flow.GitHub.GetIssue(FlowHarness.Repo, issue)!.Comments.Single(c => c.Id == own.Id).Author);
    }

    [Fact]
    public async Task Quoted_fenced_and_edited_commands_do_nothing()
    {
        await using var flow = await FlowHarness.StartAsync(FailureFlow.NoModel(), NoConfig);
        var (number, _) = await OpenHumanPullRequestAsync(flow);

        var quoted = await flow.GitHub.CommentAsync(FlowHarness.Repo, number, "> /agent merge\n\nAs you said above.", "alice", CancellationToken.None);
        var fenced = await flow.GitHub.CommentAsync(FlowHarness.Repo, number, "Try this:\n```\n/agent merge\n```\n", "alice", CancellationToken.None);
        var plain = await flow.GitHub.CommentAsync(FlowHarness.Repo, number, "Looks fine to me.", "alice", CancellationToken.None);
        var edited = await CommandWait.SendEditedAsync(flow.GitHub, flow.Server, plain.Id, "/agent merge");

        foreach (var id in new[] { quoted.Id, fenced.Id, plain.Id })
        {
            await CommandWait.CommentProcessedAsync(flow.GitHub, flow.Server, id);
        }

        await CommandWait.ProcessedAsync(flow.Server, edited);
        var conversation = flow.GitHub.GetIssue(FlowHarness.Repo, number)!;
        Assert.All(conversation.Comments, c => Assert.Empty(c.Reactions));
        Assert.DoesNotContain(conversation.Comments, c => c.Body.Contains("gitbot:command:", StringComparison.Ordinal));
        Assert.False(flow.GitHub.GetPullRequest(FlowHarness.Repo, number)!.Merged);

        // The same intake answers a plain command on this pull request: the silence above is not a dead server.
        var control = await flow.GitHub.CommentAsync(FlowHarness.Repo, number, "/agent frobnicate\n/agent rebase", "alice", CancellationToken.None);
        var reply = await CommandWait.ForReplyAsync(flow.GitHub, number, control.Id);
        Assert.Contains("frobnicate", reply.Body, StringComparison.Ordinal);
        Assert.Contains("/agent help", reply.Body, StringComparison.Ordinal);
        Assert.Contains("Rebase works on GitBot's pull requests", reply.Body, StringComparison.Ordinal);
        await CommandWait.ForReactionAsync(flow.GitHub, number, control.Id, "confused");
    }

    /// <summary>A person's pull request (not GitBot's): the default configuration reviews it only when a writer asks.</summary>
    internal static async Task<(int Number, string Head)> OpenHumanPullRequestAsync(FlowHarness flow)
    {
        var head = await flow.GitHub.CommitFilesAsync(FlowHarness.Repo, "feature/count", new Dictionary<string, string> { ["count.txt"] = "3\n" },
            "Count three", "alice", CancellationToken.None);
        var number = await flow.GitHub.OpenPullRequestAsync(FlowHarness.Repo, "feature/count", flow.Repository.DefaultBranch, "Count three", "Counts.", "alice",
            CancellationToken.None);
        return (number, head);
    }

    private static IReviewRunStore Runs(FlowHarness flow) => flow.Server.App.Services.GetRequiredService<IReviewRunStore>();
}
