using GitBot.Core.Reviews.Gate;
using static GitBot.Core.Tests.Reviews.Gate.GateScenario;

namespace GitBot.Core.Tests.Reviews.Gate;

public sealed class GateEvaluatorApprovalTests
{
    private const string NeedsOne = "needs 1 more approval from a person with write access on 1a2b3c4";

    public static TheoryData<string, GateInput, string> NotCounted() => new()
    {
        { "older head", Green().WithReviews(Review(1, "maria", GateReviewState.Approved, OldHead)), "maria's approval does not count: it is on 9f8e7d6, not the head 1a2b3c4" },
        { "author", Green() with { Author = "maria" }, "maria's approval does not count: they opened the pull request" },
        { "last pusher", Green() with { LastPusher = "maria" }, "maria's approval does not count: they pushed the head commit" },
        { "read-only", Green().WithPermission("maria", RepositoryPermission.Read), "maria's approval does not count: they have read access, not write" },
        { "triage", Green().WithPermission("maria", RepositoryPermission.Triage), "maria's approval does not count: they have triage access, not write" },
        { "unknown permission", Green().WithReviews(Review(1, "stranger", GateReviewState.Approved)), "stranger's approval does not count: they have none access, not write" },
    };

    [Theory]
    [MemberData(nameof(NotCounted))]
    public void An_approval_that_does_not_count_is_named_with_its_reason(string because, GateInput input, string note)
    {
        var decision = GateEvaluator.Evaluate(input);

        Assert.False(decision.Green, because);
        Assert.Equal(GateConclusion.Pending, decision.Conclusion);
        Assert.Single(decision.Missing);
        Assert.StartsWith(NeedsOne, decision.Missing[0], StringComparison.Ordinal);
        Assert.Contains(note, decision.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_says_approvals_on_older_commits_do_not_count()
    {
        var decision = GateEvaluator.Evaluate(Green().WithReviews(Review(1, "maria", GateReviewState.Approved, OldHead)));

        Assert.Equal([NeedsOne + " (approvals on older commits do not count)"], decision.Missing);
        Assert.Equal("Waiting: " + NeedsOne + " (approvals on older commits do not count)", decision.Title);
    }

    public static TheoryData<string, GateReview[]> IgnoredReviewers() => new()
    {
        { "LGTM comment", [Review(1, "maria", GateReviewState.Commented)] },
        { "dismissed", [Review(1, "maria", GateReviewState.Dismissed)] },
        { "pending draft", [Review(1, "maria", GateReviewState.Pending)] },
        { "bot user type", [Review(1, "maria", GateReviewState.Approved, type: "Bot")] },
        { "GitBot's login", [Review(1, "GitBot[bot]", GateReviewState.Approved)] },
        { "agent identity", [Review(1, "gitbot-security", GateReviewState.Approved)] },
        { "approval withdrawn by dismissal", [Review(1, "maria", GateReviewState.Approved), Review(2, "maria", GateReviewState.Dismissed, minute: 5)] },
    };

    [Theory]
    [MemberData(nameof(IgnoredReviewers))]
    public void Reviews_that_are_not_a_persons_standing_approval_never_count(string because, GateReview[] reviews)
    {
        var input = Green().WithReviews(reviews).WithPermission("GitBot[bot]", RepositoryPermission.Admin).WithPermission("gitbot-security", RepositoryPermission.Admin);

        var decision = GateEvaluator.Evaluate(input);

        Assert.False(decision.Green, because);
        Assert.Equal([NeedsOne], decision.Missing);
    }

    [Fact]
    public void A_later_change_request_overrides_the_same_persons_approval()
    {
        var decision = GateEvaluator.Evaluate(Green().WithReviews(
            Review(1, "maria", GateReviewState.Approved), Review(2, "maria", GateReviewState.ChangesRequested, minute: 3)));

        Assert.Equal(GateConclusion.Failure, decision.Conclusion);
        Assert.Equal(["maria requested changes (on 1a2b3c4); their new review or a dismissal is needed", NeedsOne], decision.Missing);
    }

    [Fact]
    public void Another_persons_change_request_blocks_even_with_enough_approvals()
    {
        var decision = GateEvaluator.Evaluate(Green().WithReviews(
            Review(1, "maria", GateReviewState.Approved), Review(2, "olaf", GateReviewState.ChangesRequested, OldHead)));

        Assert.Equal(GateConclusion.Failure, decision.Conclusion);
        Assert.Equal(["olaf requested changes (on 9f8e7d6); their new review or a dismissal is needed"], decision.Missing);
        Assert.StartsWith("Blocked: olaf requested changes", decision.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GateReviewState.Approved)]
    [InlineData(GateReviewState.Dismissed)]
    public void A_change_request_is_lifted_by_a_later_approval_or_its_dismissal(GateReviewState later)
    {
        var decision = GateEvaluator.Evaluate(Green().WithReviews(
            Review(1, "olaf", GateReviewState.ChangesRequested, OldHead), Review(2, "olaf", later, minute: 9), Review(3, "maria", GateReviewState.Approved)));

        Assert.True(decision.Green);
        Assert.DoesNotContain(decision.Missing, m => m.Contains("requested changes", StringComparison.Ordinal));
    }

    [Fact]
    public void A_comment_after_an_approval_leaves_the_approval_standing()
    {
        var decision = GateEvaluator.Evaluate(Green().WithReviews(
            Review(1, "maria", GateReviewState.Approved), Review(2, "maria", GateReviewState.Commented, minute: 4)));

        Assert.True(decision.Green);
    }

    [Fact]
    public void The_latest_review_wins_regardless_of_list_order_and_ties_go_to_the_higher_id()
    {
        var reversed = GateEvaluator.Evaluate(Green().WithReviews(
            Review(2, "maria", GateReviewState.ChangesRequested, minute: 5), Review(1, "maria", GateReviewState.Approved)));
        var tie = GateEvaluator.Evaluate(Green().WithReviews(
            Review(8, "maria", GateReviewState.Approved), Review(7, "maria", GateReviewState.ChangesRequested)));

        Assert.Equal(GateConclusion.Failure, reversed.Conclusion);
        Assert.True(tie.Green);
    }

    [Fact]
    public void Logins_compare_case_insensitively()
    {
        var decision = GateEvaluator.Evaluate(Green() with { LastPusher = "MARIA" });

        Assert.False(decision.Green);
    }

    [Theory]
    [InlineData(0, false, true)]
    [InlineData(0, true, false)]
    [InlineData(1, true, false)]
    [InlineData(2, false, false)]
    public void Workflow_or_codeowners_changes_force_a_human_approval(int required, bool touchesWorkflows, bool green)
    {
        var input = Green().WithReviews();
        input = input with { Policy = input.Policy with { RequiredApprovals = required }, TouchesWorkflowsOrCodeowners = touchesWorkflows };

        var decision = GateEvaluator.Evaluate(input);

        Assert.Equal(green, decision.Green);
        if (required == 0 && touchesWorkflows)
        {
            Assert.Equal([NeedsOne + " (this PR changes workflows or CODEOWNERS, which always needs a person's review)"], decision.Missing);
        }
    }

    [Fact]
    public void Two_required_approvals_need_two_people()
    {
        var input = Green();
        input = input with { Policy = input.Policy with { RequiredApprovals = 2 } };

        var one = GateEvaluator.Evaluate(input);
        var two = GateEvaluator.Evaluate(input.WithReviews(Review(1, "maria", GateReviewState.Approved), Review(2, "olaf", GateReviewState.Approved)));
        var samePersonTwice = GateEvaluator.Evaluate(input.WithReviews(Review(1, "maria", GateReviewState.Approved), Review(2, "maria", GateReviewState.Approved, minute: 1)));

        Assert.Equal(["needs 1 more approval from a person with write access on 1a2b3c4"], one.Missing);
        Assert.True(two.Green);
        Assert.False(samePersonTwice.Green);
    }

    [Fact]
    public void Maintain_and_admin_may_approve()
    {
        Assert.True(GateEvaluator.Evaluate(Green().WithPermission("maria", RepositoryPermission.Maintain)).Green);
        Assert.True(GateEvaluator.Evaluate(Green().WithPermission("maria", RepositoryPermission.Admin)).Green);
    }
}
