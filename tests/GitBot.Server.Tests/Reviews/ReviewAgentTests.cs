using GitBot.Core.Dashboard;
using GitBot.Core.Runs;
using GitBot.Server.Tests.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace GitBot.Server.Tests.Reviews;

/// <summary>
/// The review agents end to end: the real server on PostgreSQL, the simulator, real git, the real test command in a
/// worktree, and the scripted model behind the <c>anthropic</c> backend.
/// </summary>
public sealed class ReviewAgentTests
{
    private const string Config = """
        test_command: ["python3", "run_tests.py"]
        reviews:
          pull_requests: all
        """;

    [Fact]
    public async Task A_planted_key_and_a_failing_test_get_change_requests_red_checks_and_a_judge_score()
    {
        await using var h = await FlowHarness.StartAsync(ReviewScripts.Script(), ReviewScripts.Files(Config));
        var head = await h.GitHub.CommitFilesAsync(FlowHarness.Repo, "feature/count", new Dictionary<string, string>
        {
            ["widget.py"] = "COUNT = 4\nNAME = \"widget\"\n",
            ["settings.py"] = "REGION = \"eu-west-1\"\nAWS_ACCESS_KEY_ID = \"AKIAZ3MPLQ7RTX2VWY4K\"\nTIMEOUT = 30\n",
        }, "Count four widgets", "alice", CancellationToken.None);
        var number = await h.GitHub.OpenPullRequestAsync(FlowHarness.Repo, "feature/count", "main", "Count four widgets", "Counts the widgets.", "alice",
            CancellationToken.None);

        var security = await ReviewWait.ForCheckAsync(h.GitHub, head, "gitbot/security", c => c.Status == "completed");
        var tests = await ReviewWait.ForCheckAsync(h.GitHub, head, "gitbot/tests", c => c.Status == "completed");
        var judge = await ReviewWait.ForCheckAsync(h.GitHub, head, "gitbot/judge", c => c.Status == "completed");

        Assert.Equal("failure", security.Conclusion);
        Assert.Contains(security.Annotations, a => a.Path == "settings.py" && a.StartLine == 2);
        var securityReview = ReviewWait.BotReview(h.GitHub, number, "gitbot:review:security");
        Assert.Equal("CHANGES_REQUESTED", securityReview.State);
        Assert.Equal(head, securityReview.CommitId);
        var inline = Assert.Single(securityReview.Comments);
        Assert.Equal(("settings.py", 2), (inline.Path, inline.Line));
        Assert.DoesNotContain("AKIAZ3MPLQ7RTX2VWY4K", securityReview.Body + inline.Body + security.OutputSummary, StringComparison.Ordinal);

        Assert.Equal("failure", tests.Conclusion);
        Assert.Contains("test_widget_count", tests.OutputSummary, StringComparison.Ordinal);
        Assert.Contains("expected 3 widgets, got 4", tests.OutputSummary, StringComparison.Ordinal);
        Assert.Equal("CHANGES_REQUESTED", ReviewWait.BotReview(h.GitHub, number, "gitbot:review:tests").State);

        Assert.Equal("success", judge.Conclusion);
        var judgeReview = ReviewWait.BotReview(h.GitHub, number, "gitbot:review:judge");
        Assert.Equal("COMMENTED", judgeReview.State);
        Assert.Contains("6/10", judgeReview.Body, StringComparison.Ordinal);

        Assert.DoesNotContain(h.GitHub.GetPullRequest(FlowHarness.Repo, number)!.Reviews, r => r.State == "APPROVED");
        var gate = await ReviewWait.ForCheckAsync(h.GitHub, head, "gitbot/gate", c => c.Conclusion == "failure");
        Assert.Contains("gitbot/security", gate.OutputSummary, StringComparison.Ordinal);
        Assert.Empty(h.GitHub.RejectedRequests);

        // Each model-backed review is a recorded run of the pull request, listed on its dashboard page with its checks.
        var runs = await h.Server.App.Services.GetRequiredService<IAgentRunStore>().ListForIssueAsync(FlowHarness.Repo, number, 50, CancellationToken.None);
        Assert.Contains(runs, r => r.Subject.Kind == AgentRunKind.Review && r.Role == "judge" && r.Subject.PullNumber == number && r.FinishedAt is not null);
        Assert.All(runs, r => Assert.Equal(AgentRunKind.Review, r.Subject.Kind));
        var page = await h.Server.App.Services.GetRequiredService<IDashboardQueries>().GetIssueAsync(FlowHarness.Repo, number, 50, CancellationToken.None);
        Assert.Equal(runs.Select(r => r.Id), page.Runs.Select(r => r.Id));
        Assert.Contains(page.Checks, c => c.Name == "security");
    }

    [Fact]
    public async Task A_fixed_push_turns_the_checks_green_and_supersedes_the_reviews_of_the_old_head()
    {
        // The security LLM pass of the first head is slow, so the second push lands while it runs.
        var script = ReviewScripts.Script(Simulator.ModelServer.ModelScript.When("SLOW_MARKER",
            Simulator.ModelServer.ModelStep.Delay(TimeSpan.FromSeconds(8)), Simulator.ModelServer.ModelStep.Text(ReviewScripts.CleanSecurityAnswer)));
        await using var h = await FlowHarness.StartAsync(script, ReviewScripts.Files(Config));
        h.GitHub.SetPermission(FlowHarness.Repo, "dave", "write");
        var first = await h.GitHub.CommitFilesAsync(FlowHarness.Repo, "feature/slow", new Dictionary<string, string>
        {
            ["notes.py"] = "NOTE = \"SLOW_MARKER\"\n",
        }, "First try", "alice", CancellationToken.None);
        var number = await h.GitHub.OpenPullRequestAsync(FlowHarness.Repo, "feature/slow", "main", "Notes", "Adds notes.", "alice", CancellationToken.None);
        await ReviewWait.ForCheckAsync(h.GitHub, first, "gitbot/security", c => c.Status == "in_progress");

        var second = await h.GitHub.CommitFilesAsync(FlowHarness.Repo, "feature/slow", new Dictionary<string, string>
        {
            ["notes.py"] = "NOTE = \"quick\"\n",
        }, "Second try", "dave", CancellationToken.None);
        await h.GitHub.NotifyPushAsync(FlowHarness.Repo, "feature/slow", "dave", CancellationToken.None);

        var newSecurity = await ReviewWait.ForCheckAsync(h.GitHub, second, "gitbot/security", c => c.Status == "completed");
        Assert.Equal("success", newSecurity.Conclusion);
        Assert.Equal("success", (await ReviewWait.ForCheckAsync(h.GitHub, second, "gitbot/tests", c => c.Status == "completed")).Conclusion);
        var oldSecurity = await ReviewWait.ForCheckAsync(h.GitHub, first, "gitbot/security", c => c.Status == "completed");
        Assert.Equal("cancelled", oldSecurity.Conclusion);
        await Task.Delay(TimeSpan.FromSeconds(9));
        Assert.DoesNotContain(h.GitHub.GetPullRequest(FlowHarness.Repo, number)!.Reviews,
            r => r.CommitId == first && r.Body?.Contains("gitbot:review:security", StringComparison.Ordinal) == true);
        Assert.Empty(h.GitHub.RejectedRequests);
    }

    [Fact]
    public async Task Re_running_a_check_reviews_the_same_head_again_as_a_new_check_run()
    {
        await using var h = await FlowHarness.StartAsync(ReviewScripts.Script(), ReviewScripts.Files("reviews:\n  pull_requests: all\n  agents: [security]\n"));
        var head = await h.GitHub.CommitFilesAsync(FlowHarness.Repo, "feature/rerun", new Dictionary<string, string> { ["a.py"] = "A = 1\n" }, "A", "alice",
            CancellationToken.None);
        var number = await h.GitHub.OpenPullRequestAsync(FlowHarness.Repo, "feature/rerun", "main", "A", null, "alice", CancellationToken.None);
        var first = await ReviewWait.ForCheckAsync(h.GitHub, head, "gitbot/security", c => c.Status == "completed");
        Assert.Equal("success", first.Conclusion);
        Assert.DoesNotContain(h.GitHub.GetCheckRuns(FlowHarness.Repo), r => r.Name is "gitbot/tests" or "gitbot/judge");

        await h.GitHub.RerequestCheckRunAsync(FlowHarness.Repo, first.Id, "alice", CancellationToken.None);
        var second = await ReviewWait.ForCheckAsync(h.GitHub, head, "gitbot/security", c => c.Id > first.Id && c.Status == "completed");

        Assert.Equal("success", second.Conclusion);
        Assert.Equal(2, h.GitHub.GetPullRequest(FlowHarness.Repo, number)!.Reviews.Count(r => r.Body?.Contains("gitbot:review:security", StringComparison.Ordinal) == true));
        Assert.Equal(2, h.Model.Requests.Count(r => r.IsMessages && r.FirstUserText.StartsWith(ReviewScripts.SecurityPrompt, StringComparison.Ordinal)));
        Assert.Empty(h.GitHub.RejectedRequests);
    }

    [Fact]
    public async Task A_finding_that_disappears_turns_the_check_green_and_dismisses_the_old_change_request()
    {
        await using var h = await FlowHarness.StartAsync(ReviewScripts.Script(), ReviewScripts.Files("reviews:\n  pull_requests: all\n  agents: [security]\n"));
        var leaky = await h.GitHub.CommitFilesAsync(FlowHarness.Repo, "feature/leak", new Dictionary<string, string>
        {
            ["deploy.sh"] = "#!/bin/sh\nexport GITHUB_TOKEN=\"ghp_R8fKq2Lm9XzT4vWb7NcY1pQs6JdE3hUa0GiV\"\n",
        }, "Deploy script", "alice", CancellationToken.None);
        var number = await h.GitHub.OpenPullRequestAsync(FlowHarness.Repo, "feature/leak", "main", "Deploy", null, "alice", CancellationToken.None);
        Assert.Equal("failure", (await ReviewWait.ForCheckAsync(h.GitHub, leaky, "gitbot/security", c => c.Status == "completed")).Conclusion);
        var blocking = ReviewWait.BotReview(h.GitHub, number, "gitbot:review:security");
        Assert.Equal("CHANGES_REQUESTED", blocking.State);
        Assert.Equal(("deploy.sh", 2), (Assert.Single(blocking.Comments).Path, blocking.Comments[0].Line));

        var clean = await h.GitHub.PushCommitAsync(FlowHarness.Repo, "feature/leak", new Dictionary<string, string>
        {
            ["deploy.sh"] = "#!/bin/sh\n: \"${GITHUB_TOKEN:?set it in the environment}\"\n",
        }, "Read the token from the environment", "alice", CancellationToken.None);

        Assert.Equal("success", (await ReviewWait.ForCheckAsync(h.GitHub, clean, "gitbot/security", c => c.Status == "completed")).Conclusion);
        var reviews = h.GitHub.GetPullRequest(FlowHarness.Repo, number)!.Reviews;
        Assert.Equal("DISMISSED", reviews.Single(r => r.Id == blocking.Id).State);
        Assert.Equal("COMMENTED", ReviewWait.BotReview(h.GitHub, number, "gitbot:review:security").State);
        Assert.Empty(h.GitHub.RejectedRequests);
    }

    [Fact]
    public async Task On_gitbots_own_pull_request_a_change_request_is_posted_as_a_comment_and_the_red_check_blocks()
    {
        await using var h = await FlowHarness.StartAsync(ReviewScripts.Script(), ReviewScripts.Files("reviews:\n  agents: [security]\n"));
        var head = await h.GitHub.CommitFilesAsync(FlowHarness.Repo, "gitbot/5", new Dictionary<string, string>
        {
            ["keys.py"] = "KEY = \"AKIAZ3MPLQ7RTX2VWY4K\"\n",
        }, "Keys", "alice", CancellationToken.None);
        var number = await h.GitHub.OpenPullRequestAsync(FlowHarness.Repo, "gitbot/5", "main", "Keys", "Closes #5", h.GitHub.App.BotLogin, CancellationToken.None);

        Assert.Equal("failure", (await ReviewWait.ForCheckAsync(h.GitHub, head, "gitbot/security", c => c.Status == "completed")).Conclusion);
        var review = ReviewWait.BotReview(h.GitHub, number, "gitbot:review:security");
        Assert.Equal("COMMENTED", review.State);
        Assert.Contains("GitHub does not let GitBot request changes on its own pull request", review.Body, StringComparison.Ordinal);
        Assert.Equal(("keys.py", 1), (Assert.Single(review.Comments).Path, review.Comments[0].Line));
        var gate = await ReviewWait.ForCheckAsync(h.GitHub, head, "gitbot/gate", c => c.Conclusion == "failure");
        Assert.Contains("gitbot/security failed", gate.OutputSummary, StringComparison.Ordinal);
        Assert.Empty(h.GitHub.RejectedRequests);
    }

    [Fact]
    public async Task A_pull_request_by_someone_without_write_access_is_not_reviewed_on_its_own()
    {
        await using var h = await FlowHarness.StartAsync(ReviewScripts.Script(), ReviewScripts.Files(Config));
        var head = await h.GitHub.CommitFilesAsync(FlowHarness.Repo, "feature/drive-by", new Dictionary<string, string> { ["a.py"] = "A = 1\n" }, "A",
            "rita", CancellationToken.None);
        await h.GitHub.OpenPullRequestAsync(FlowHarness.Repo, "feature/drive-by", "main", "Drive-by", null, "rita", CancellationToken.None);

        // The gate is kept (scope all) and says what is missing; that recompute comes after the review handler in the same delivery.
        await ReviewWait.ForCheckAsync(h.GitHub, head, "gitbot/gate", c => c.Status == "in_progress");
        Assert.DoesNotContain(h.GitHub.GetCheckRuns(FlowHarness.Repo), r => r.Name is "gitbot/security" or "gitbot/tests" or "gitbot/judge");
        Assert.DoesNotContain(h.Model.Requests, r => r.IsMessages);
        Assert.Empty(h.GitHub.RejectedRequests);
    }
}
