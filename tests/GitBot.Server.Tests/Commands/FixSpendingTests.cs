using System.Globalization;
using GitBot.Core.Budgets;
using GitBot.Server.Tests.Feedback;
using GitBot.Server.Tests.Plans;
using GitBot.Server.Tests.Reviews;
using GitBot.Workflows.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace GitBot.Server.Tests.Commands;

/// <summary>
/// <c>/agent fix</c> and the issue's budget end to end: a fix on GitBot's pull request whose issue has spent its budget
/// (fixes, feedback and reviews count, not only plan tasks) does not start the agent and says how to continue; after
/// <c>/agent budget</c> raises it, the same request runs, and its cost is added to the issue's spending, which
/// <c>/agent budget</c> then reports. The review agents' model calls count too, on GitBot's pull requests only.
/// </summary>
public sealed class FixSpendingTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_fix_over_the_issue_budget_is_refused_without_the_agent_and_once_raised_it_runs_and_its_cost_is_spent()
    {
        await using var flow = await FixFlow.StartAsync();
        var pull = await FeedbackFlow.OpenPullAsync(flow);
        var spending = flow.Server.App.Services.GetRequiredService<IIssueSpendingStore>();

        // An earlier feedback run spent $2.00 of the issue's budget, which is then set to $1.50 on the pull request.
        Assert.True(await spending.RecordAsync(new SpendingEntry(FlowHarness.Repo, pull.Issue, SpendingSource.Feedback, "earlier-review", 2m), None));
        var lower = await flow.GitHub.CommentAsync(FlowHarness.Repo, pull.Number, "/agent budget 1.50", "alice", None);
        Assert.Contains($"Budget of #{pull.Issue} set to $1.50 by @alice; spent $2.00; $0.00 left.",
            (await CommandWait.ForReplyAsync(flow.GitHub, pull.Number, lower.Id)).Body, StringComparison.Ordinal);

        var refused = await flow.GitHub.CommentAsync(FlowHarness.Repo, pull.Number, FixFlow.Command, "alice", None);
        var reply = await FixFlow.ForStateAsync(flow, pull.Number, refused.Id, FixReplyState.OverBudget);
        Assert.Contains($"The budget of #{pull.Issue} ($1.50) is spent ($2.00 spent): raise it with `/agent budget <usd>` and ask again.",
            reply.Body, StringComparison.Ordinal);
        await CommandWait.ForReactionAsync(flow.GitHub, pull.Number, refused.Id, "confused");
        await FeedbackFlow.UntilAsync(async () => await FixFlow.JobsAsync(flow) == 0, "the refused fix job to be gone");
        Assert.Equal(0, FixFlow.Conversations(flow));
        Assert.Equal(pull.HeadSha, flow.GitHub.GetPullRequest(FlowHarness.Repo, pull.Number)!.HeadSha);
        Assert.Equal(2m, await spending.GetSpentAsync(FlowHarness.Repo, pull.Issue, null, None));

        // Raised: asked again, the fix runs and what the agent cost is the issue's spending now.
        var raise = await flow.GitHub.CommentAsync(FlowHarness.Repo, pull.Number, "/agent budget 30", "alice", None);
        Assert.Contains("spent $2.00; $28.00 left.", (await CommandWait.ForReplyAsync(flow.GitHub, pull.Number, raise.Id)).Body, StringComparison.Ordinal);
        var again = await flow.GitHub.CommentAsync(FlowHarness.Repo, pull.Number, FixFlow.Command, "alice", None);
        var done = await FixFlow.ForStateAsync(flow, pull.Number, again.Id, FixReplyState.Pushed);
        Assert.Equal(1, FixFlow.Conversations(flow));
        Assert.Contains("(agent cost $", done.Body, StringComparison.Ordinal);

        var spent = await spending.GetSpentAsync(FlowHarness.Repo, pull.Issue, null, None);
        Assert.True(spent > 2m, $"the fix's cost was not recorded: spent {spent}");
        // Recorded under the command's comment id: recording that run again changes nothing.
        Assert.False(await spending.RecordAsync(new SpendingEntry(FlowHarness.Repo, pull.Issue, SpendingSource.Fix, FixFlow.Id(again.Id), 99m), None));
        Assert.Equal(spent, await spending.GetSpentAsync(FlowHarness.Repo, pull.Issue, null, None));

        var check = await flow.GitHub.CommentAsync(FlowHarness.Repo, pull.Number, "/agent budget 31", "alice", None);
        Assert.Contains($"spent ${spent.ToString("0.00", CultureInfo.InvariantCulture)}; ${(31m - spent).ToString("0.00", CultureInfo.InvariantCulture)} left.",
            (await CommandWait.ForReplyAsync(flow.GitHub, pull.Number, check.Id)).Body, StringComparison.Ordinal);
        Assert.Empty(flow.GitHub.RejectedRequests);
    }

    [Fact]
    public async Task Review_model_calls_on_gitbots_pull_request_are_the_issues_spending_and_on_a_persons_pull_request_nobodys()
    {
        await using var flow = await FlowHarness.StartAsync(ReviewScripts.Script(),
            ReviewScripts.Files("reviews:\n  pull_requests: all\n  agents: [security, judge]\n"));
        var spending = flow.Server.App.Services.GetRequiredService<IIssueSpendingStore>();
        var pull = await FeedbackFlow.OpenPullAsync(flow);
        var other = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Count widgets", "Count them.", "alice", [], None);
        var personal = await flow.GitHub.CommitFilesAsync(FlowHarness.Repo, "feature/count", new Dictionary<string, string> { ["count.txt"] = "3\n" },
            "Count", "alice", None);
        await flow.GitHub.OpenPullRequestAsync(FlowHarness.Repo, "feature/count", flow.Repository.DefaultBranch, "Count", $"Closes #{other}", "alice", None);

        foreach (var (head, check) in new[] { (pull.HeadSha, "gitbot/security"), (pull.HeadSha, "gitbot/judge"), (personal, "gitbot/security"), (personal, "gitbot/judge") })
        {
            await ReviewWait.ForCheckAsync(flow.GitHub, head, check, c => c.Status == "completed");
        }

        // Both agents asked the model about each pull request; only GitBot's pull request's calls are its issue's spending.
        Assert.Equal(2, flow.Model.Requests.Count(r => r.IsMessages && r.FirstUserText.Contains(ReviewScripts.JudgePrompt, StringComparison.Ordinal)));
        Assert.True(await spending.GetSpentAsync(FlowHarness.Repo, pull.Issue, null, None) > 0m, "the reviews of GitBot's pull request were not counted");
        Assert.Equal(2L, await flow.Server.ScalarAsync<long>(
            $"SELECT COUNT(*) FROM issue_spending WHERE source = 'Review' AND issue_number = {pull.Issue} AND (run_key LIKE '%/1/security' OR run_key LIKE '%/1/judge')"));
        Assert.Equal(0m, await spending.GetSpentAsync(FlowHarness.Repo, other, null, None));
        Assert.Equal(2L, await flow.Server.ScalarAsync<long>("SELECT COUNT(*) FROM issue_spending"));
    }

    [Fact]
    public async Task Feedback_over_the_issue_budget_is_refused_without_the_agent_and_once_raised_it_runs_and_its_cost_is_spent()
    {
        await using var flow = await FlowHarness.StartAsync(FeedbackFlow.Script(),
            new Dictionary<string, string> { [".github/gitbot.yml"] = "limits:\n  task_timeout: 3m\nreviews:\n  agents: []\n" });
        var services = flow.Server.App.Services;
        var spending = services.GetRequiredService<IIssueSpendingStore>();
        var budgets = services.GetRequiredService<IIssueBudgetStore>();
        var pull = await FeedbackFlow.OpenPullAsync(flow);
        Assert.True(await spending.RecordAsync(new SpendingEntry(FlowHarness.Repo, pull.Issue, SpendingSource.Fix, "earlier-fix", 2m), None));
        await budgets.SetAsync(FlowHarness.Repo, pull.Issue, 1.50m, "alice", None);

        var refusedReview = await flow.GitHub.SubmitReviewAsync(FlowHarness.Repo, pull.Number, "alice", "REQUEST_CHANGES", FeedbackFlow.ReviewBody,
            [new(FeedbackFlow.File, 1, FeedbackFlow.CommentText)], None);
        var refused = await FeedbackFlow.WaitForReplyAsync(flow, pull.Number, refusedReview);
        Assert.Contains($"The budget of #{pull.Issue} ($1.50) is spent ($2.00 spent): raise it with `/agent budget <usd>` and ask again.",
            refused.Body, StringComparison.Ordinal);
        Assert.Equal(0, FeedbackFlow.Conversations(flow));
        Assert.Equal(pull.HeadSha, flow.GitHub.GetPullRequest(FlowHarness.Repo, pull.Number)!.HeadSha);

        await budgets.SetAsync(FlowHarness.Repo, pull.Issue, 30m, "alice", None);
        var review = await flow.GitHub.SubmitReviewAsync(FlowHarness.Repo, pull.Number, "alice", "REQUEST_CHANGES", FeedbackFlow.ReviewBody,
            [new(FeedbackFlow.File, 1, FeedbackFlow.CommentText)], None);
        Assert.Contains("pushed", (await FeedbackFlow.WaitForReplyAsync(flow, pull.Number, review)).Body, StringComparison.Ordinal);
        Assert.Equal(1, FeedbackFlow.Conversations(flow));
        var spent = await spending.GetSpentAsync(FlowHarness.Repo, pull.Issue, null, None);
        Assert.True(spent > 2m, $"the feedback run's cost was not recorded: spent {spent}");
        Assert.False(await spending.RecordAsync(new SpendingEntry(FlowHarness.Repo, pull.Issue, SpendingSource.Feedback,
            review.ToString(CultureInfo.InvariantCulture), 99m), None));
        Assert.Empty(flow.GitHub.RejectedRequests);
    }
}
